import { z } from 'zod';
import { BodyDto, HeaderList } from './http.js';

/** How a hold ended. */
export const HoldOutcome = z.enum(['operator', 'fallback', 'aborted', 'sender-gone']);
export type HoldOutcome = z.infer<typeof HoldOutcome>;

/** Why it ended that way: the deadline, an operator action, a configuration change or quitting. */
export const HoldEndReason = z.enum([
  'deadline',
  'operator',
  'endpoint-changed',
  'endpoint-deleted',
  'shutdown',
  'sender-gone',
]);
export type HoldEndReason = z.infer<typeof HoldEndReason>;

/** Recorded on a capture once its hold has ended. */
export const HoldRecord = z.object({
  endpoint: z.string(),
  heldAt: z.number(),
  deadline: z.number(),
  endedAt: z.number(),
  outcome: HoldOutcome,
  reason: HoldEndReason,
});
export type HoldRecord = z.infer<typeof HoldRecord>;

/** Recorded on a capture that was forwarded: the target's side of the exchange. */
export const ForwardRecord = z.object({
  /** The URL the request was sent to (prefix replaced by the target, query kept). */
  url: z.string(),
  method: z.string(),
  /** Epoch ms when the request to the target started. */
  startedAt: z.number(),
  /** The target's status; null when it did not answer. */
  status: z.number().int().nullable(),
  /** The target's response headers as received. */
  headers: HeaderList,
  /** The target's response body (stored up to the listener's body limit); null when it did not answer. */
  body: BodyDto.nullable(),
  /** From sending the request to the end of the target's response (or the failure). */
  durationMs: z.number().nullable(),
  /** Why forwarding failed (connection refused, timeout, …); null when the target answered. */
  error: z.string().nullable(),
});
export type ForwardRecord = z.infer<typeof ForwardRecord>;
