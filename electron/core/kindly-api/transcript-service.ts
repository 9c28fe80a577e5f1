import type { KindlyTranscript } from '../../../shared/model/kindly-transcript.js';
import { ApiError } from '../api/api-error.js';
import type { SettingsService } from '../settings/settings-service.js';
import type { Store } from '../store/store.js';
import { parseJsonLossless } from '../util/lossless-json.js';
import { transcriptUrl } from './api-base-url.js';
import { kindlyHttp } from './kindly-http.js';
import { normalizeTranscript } from './transcript-normalize.js';

export interface TranscriptDeps {
  store: Store;
  settings: SettingsService;
  timeoutMs: number;
  now?: () => number;
}

/** Chat ids are UUIDs in practice; anything else must at least be a plain path segment. */
const CHAT_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/u;

/**
 * The Chat Transcript API (docs/kindly.md §6): GET the chat's `_links.chat` (from its latest
 * webhook) or `{base}/api/v1/chats/{chatId}` with the Bot API key. Answers are cached in the store;
 * `refresh` asks Kindly again.
 */
export async function fetchTranscript(
  deps: TranscriptDeps,
  chatId: string,
  refresh: boolean,
): Promise<KindlyTranscript> {
  if (!CHAT_ID.test(chatId))
    throw new ApiError('bad_request', `"${chatId.slice(0, 80)}" is not a Kindly chat id.`);
  const cached = refresh ? null : deps.store.transcripts.get(chatId);
  if (cached) {
    const raw = parseJsonLossless(cached.raw);
    return { ...cached, cached: true, raw, messages: normalizeTranscript(raw) };
  }

  const key = deps.settings.secret('kindly.botApiKey');
  if (!key) {
    throw new ApiError(
      'bad_request',
      'No Kindly Bot API key is set. Create one with the "Read chats" scope (Kindly: Connect › API Keys) and set it with settings.update {"kindly.botApiKey": "…"}.',
      { setting: 'kindly.botApiKey' },
    );
  }
  const meta = deps.store.messages.latestMeta('kindly', chatId, 'to_operator');
  const chatLink = typeof meta?.chatLink === 'string' ? meta.chatLink : null;
  const url = transcriptUrl(chatId, deps.settings.get('kindly.apiBaseUrl'), chatLink);

  const answer = await kindlyHttp(
    {
      method: 'GET',
      url,
      key,
      keyName: 'Bot API key (kindly.botApiKey)',
      forbiddenHint: 'The key needs the "Read chats" scope, and the chat must belong to its bot.',
      notFoundWhat: `chat ${chatId}`,
    },
    { timeoutMs: deps.timeoutMs },
  );
  let raw: unknown;
  try {
    raw = parseJsonLossless(answer.text);
  } catch {
    throw new ApiError(
      'upstream_error',
      `Kindly's transcript answer is not JSON: ${answer.text.slice(0, 120)}`,
    );
  }
  const fetchedAt = (deps.now ?? Date.now)();
  deps.store.transcripts.put({ chatId, url, fetchedAt, raw: answer.text });
  return { chatId, url, fetchedAt, cached: false, messages: normalizeTranscript(raw), raw };
}
