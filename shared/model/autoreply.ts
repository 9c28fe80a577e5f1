import { z } from 'zod';

export const AUTOREPLY_PHRASE_MAX = 500;

/** One auto-responder rule: when an incoming user message matches `phrase`, reply with `answer`. */
export const AutoReplyRule = z.object({
  /** Literal text matched case-insensitively anywhere in the message, or a pattern when `regex` is true. */
  phrase: z.string().min(1).max(AUTOREPLY_PHRASE_MAX),
  answer: z.string().min(1).max(10_000),
  /** Treat `phrase` as a JavaScript regular expression (case-insensitive, Unicode); validated on save. */
  regex: z.boolean().optional(),
  /** Only for webhooks whose path is this listener prefix or under it, e.g. `/dashly` or `/dashly/shop`. */
  endpoint: z
    .string()
    .max(500)
    .regex(/^\/[^?#\s]*$/u, 'a listener path starting with `/`')
    .optional(),
});
export type AutoReplyRule = z.infer<typeof AutoReplyRule>;

export const AutoReplyConfig = z.object({
  /** The global switch. */
  enabled: z.boolean(),
  /** At most one auto-reply per conversation per this many seconds. */
  cooldownSeconds: z.number().int().min(1).max(86_400),
  /** Tried in order; the first match answers. */
  rules: z.array(AutoReplyRule).max(500),
});
export type AutoReplyConfig = z.infer<typeof AutoReplyConfig>;

export const DEFAULT_AUTOREPLY_CONFIG: AutoReplyConfig = { enabled: false, cooldownSeconds: 60, rules: [] };
