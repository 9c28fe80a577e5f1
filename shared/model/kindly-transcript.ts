import { z } from 'zod';

/** One message of a Kindly chat transcript, normalized from the (unconfirmed) API schema. */
export const TranscriptMessage = z.object({
  message: z.string(),
  /** `BOT`, `USER`, `SYSTEM` or `AGENT` as far as documented; null when absent. */
  sender: z.string().nullable(),
  /** Kindly's timestamp as sent. */
  created: z.string().nullable(),
  /** The same in epoch milliseconds, when it parses. */
  at: z.number().nullable(),
  exchangeId: z.string().nullable(),
  name: z.string().nullable(),
});
export type TranscriptMessage = z.infer<typeof TranscriptMessage>;

export const KindlyTranscript = z.object({
  chatId: z.string(),
  /** Where it was fetched from. */
  url: z.string(),
  /** Epoch milliseconds of the fetch. */
  fetchedAt: z.number(),
  /** True when served from the local cache without asking Kindly. */
  cached: z.boolean(),
  /** Normalized messages, or null when the answer has no recognizable message list. */
  messages: z.array(TranscriptMessage).nullable(),
  /** Kindly's answer as received (JSON). */
  raw: z.unknown(),
});
export type KindlyTranscript = z.infer<typeof KindlyTranscript>;

export const KindlySendResult = z.object({
  /** The id of the message Kindly created; null when the answer named none. */
  messageId: z.string().nullable(),
  /** Which field held it: `chatmessage_id` (older docs) or `reply_to_id` (newer samples). */
  idField: z.enum(['chatmessage_id', 'reply_to_id']).nullable(),
  /** Kindly's answer as received (JSON), or null when it was empty. */
  raw: z.unknown(),
});
export type KindlySendResult = z.infer<typeof KindlySendResult>;
