import { z } from 'zod';
import { CaptureSummary } from './capture.js';
import { BodyDto, HeaderList } from './http.js';
import { HoldEndReason, HoldOutcome } from './responder-records.js';

export { HoldEndReason, HoldOutcome };

/** A response as shown to the operator before it is sent (the fallback preview). */
export const PlannedResponse = z.object({
  status: z.number().int(),
  headers: HeaderList,
  body: BodyDto,
  /** `fallback`, `mock` (a rule matched), … */
  source: z.string(),
  /** The rule that produced it, when one did (0-based). */
  ruleIndex: z.number().int().nullable(),
});
export type PlannedResponse = z.infer<typeof PlannedResponse>;

/** A request held open for the operator: everything a holds panel needs to draw its countdown. */
export const Hold = z.object({
  id: z.number().int(),
  captureId: z.number().int(),
  /** Prefix of the endpoint that holds it. */
  endpoint: z.string(),
  /** `hold`, or `forward-failed` when a forward endpoint fell back to holding. */
  origin: z.enum(['hold', 'forward-failed']),
  /** Epoch ms when the hold started. */
  heldAt: z.number(),
  /** Epoch ms when the fallback is sent automatically. */
  deadline: z.number(),
  /** The server's clock when this object was made: countdown = deadline − now, immune to clock skew. */
  now: z.number(),
  capture: CaptureSummary,
  /** What the deadline (or "fallback now") will send. */
  fallback: PlannedResponse,
  /** Why the target failed, for holds that began as a forward. */
  forwardError: z.string().nullable(),
});
export type Hold = z.infer<typeof Hold>;

export const HoldResolved = z.object({
  id: z.number().int(),
  captureId: z.number().int(),
  endpoint: z.string(),
  outcome: HoldOutcome,
  reason: HoldEndReason,
  /** Status sent; null when nothing was sent (aborted, sender gone). */
  status: z.number().int().nullable(),
  at: z.number(),
});
export type HoldResolved = z.infer<typeof HoldResolved>;
