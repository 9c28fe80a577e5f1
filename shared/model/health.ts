import { z } from 'zod';

/** Why the store cannot take writes; each has its own advice in `message`. */
export const StoreProblem = z.enum(['disk_full', 'locked', 'read_only', 'io_error', 'corrupt', 'other']);
export type StoreProblem = z.infer<typeof StoreProblem>;

export const StoreHealth = z.object({
  /** `failing`: webhooks are answered 503 + Retry-After (senders retry) until a write succeeds again. */
  state: z.enum(['ok', 'failing']),
  problem: StoreProblem.nullable(),
  /** What went wrong and what to do, for the UI and the log; null while ok. */
  message: z.string().nullable(),
  /** Epoch ms when the current failure started; null while ok. */
  since: z.number().nullable(),
  /** Webhooks answered 503 since the failure started. */
  refused: z.number().int().nonnegative(),
});
export type StoreHealth = z.infer<typeof StoreHealth>;

/** Something the user should read once, e.g. a damaged database that was moved aside at start. */
export const HealthNotice = z.object({
  id: z.string(),
  at: z.number(),
  level: z.enum(['info', 'warning']),
  message: z.string(),
});
export type HealthNotice = z.infer<typeof HealthNotice>;

export const AppHealth = z.object({
  store: StoreHealth,
  notices: z.array(HealthNotice),
  /**
   * Captures stored as received during a burst and not parsed yet: their list line, conversation
   * and search entry follow as they are parsed (oldest first). 0 almost always.
   */
  parsing: z.object({ pending: z.number().int().nonnegative() }),
});
export type AppHealth = z.infer<typeof AppHealth>;
