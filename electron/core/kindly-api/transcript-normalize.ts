import type { TranscriptMessage } from '../../../shared/model/kindly-transcript.js';
import { idString, isRecord } from '../util/lossless-json.js';

/**
 * The Chat Transcript API's schema is unconfirmed (docs/kindly.md §6). Its messages are probably
 * like the ticket webhook's `chat.messages[]` of `{message, sender, created, exchange_id, name}`;
 * they are read from `messages` or `chat.messages` when present, else null (the raw JSON is kept).
 */
export function normalizeTranscript(raw: unknown): TranscriptMessage[] | null {
  if (!isRecord(raw)) return null;
  const list = Array.isArray(raw.messages)
    ? raw.messages
    : isRecord(raw.chat) && Array.isArray(raw.chat.messages)
      ? raw.chat.messages
      : null;
  if (!list) return null;
  return list.filter(isRecord).map((entry) => {
    const created = typeof entry.created === 'string' ? entry.created : null;
    const time = created === null ? Number.NaN : Date.parse(created);
    return {
      message:
        typeof entry.message === 'string' ? entry.message : typeof entry.text === 'string' ? entry.text : '',
      sender: typeof entry.sender === 'string' ? entry.sender.toUpperCase() : null,
      created,
      at: Number.isFinite(time) ? time : null,
      exchangeId: idString(entry.exchange_id),
      name: typeof entry.name === 'string' ? entry.name : null,
    };
  });
}
