import { z } from 'zod';
import { BodyDto, HeaderList } from './http.js';
import { Message } from './message.js';
import { ProviderId } from './provider.js';
import { ForwardRecord, HoldRecord } from './responder-records.js';

/** The row the capture list shows; also the payload of `capture.added`. */
export const CaptureSummary = z.object({
  id: z.number().int(),
  /** Epoch milliseconds when the request's headers arrived. */
  receivedAt: z.number(),
  method: z.string(),
  /** Path and query exactly as in the request line. */
  path: z.string(),
  provider: ProviderId,
  conversationKey: z.string().nullable(),
  /** One line for the list: the message text, or a short description of the request. */
  summary: z.string(),
  /** Status of the response sent; null while no response was sent yet. */
  status: z.number().int().nullable(),
  size: z.number().int().nonnegative(),
  viaTunnel: z.boolean(),
  parseError: z.boolean(),
  /** Absent for requests the listener received; `imported` (from a HAR/NDJSON file) or `replay` (a replay sent to the listener). */
  origin: z.enum(['imported', 'replay']).optional(),
  /** Starred captures are kept by retention (`captures.star`). */
  starred: z.boolean(),
  /** The user's note on this capture (`captures.note`); absent when there is none. */
  note: z.string().optional(),
});
export type CaptureSummary = z.infer<typeof CaptureSummary>;

/** The `summary` of a capture stored during a burst and not parsed yet; replaced once it is. */
export const UNPARSED_SUMMARY = 'Parsing…';

export const CaptureResponse = z.object({
  status: z.number().int(),
  headers: HeaderList,
  body: BodyDto,
  /** From the end of the request to the end of the response; null until the response finished. */
  latencyMs: z.number().nullable(),
  /**
   * What produced it: `ack` (default answer), `mock` (a rule), `fallback` (the endpoint's default:
   * no rule matched, the target failed, a hold ran out), `forward` (the target's answer), `operator`
   * (a held request answered by hand), `auth` (401, invalid signature/token), `limit` (413),
   * `rate-limit` (429, the first refusal of a client's burst), `error` (5xx Convoscope forced, e.g.
   * the store failed).
   */
  source: z.string(),
  /** The mock rule that produced it (0-based), when one did. */
  ruleIndex: z.number().int().nullable().optional(),
});
export type CaptureResponse = z.infer<typeof CaptureResponse>;

/** Kindly: the `Kindly-HMAC` check against the configured secret. */
export const SignatureCheck = z.enum(['verified', 'mismatch', 'unsigned', 'no-secret']);
export type SignatureCheck = z.infer<typeof SignatureCheck>;
/** Dashly: the form field `token` against the configured webhook token. */
export const WebhookTokenCheck = z.enum(['ok', 'mismatch', 'missing', 'not-configured']);

export const CaptureDetail = CaptureSummary.extend({
  headers: HeaderList,
  body: BodyDto,
  remoteAddress: z.string().nullable(),
  httpVersion: z.string(),
  /** Which way of decoding worked, e.g. `json`, `form`, `form+base64`; null when nothing was parsed. */
  parsedAs: z.string().nullable(),
  parseErrorMessage: z.string().nullable(),
  messages: z.array(Message),
  response: CaptureResponse.nullable(),
  /** Present on Kindly captures. */
  signature: SignatureCheck.optional(),
  /** Kindly: why the signature result needs a second look (unexpected `Kindly-HMAC-algorithm`, truncated body). */
  signatureWarning: z.string().nullable().optional(),
  /** Present on Dashly captures. */
  webhookToken: WebhookTokenCheck.optional(),
  /** Present when the request was forwarded: the target's answer (or failure) and timing. */
  forward: ForwardRecord.optional(),
  /** Present when the request was held for the operator and the hold has ended. */
  hold: HoldRecord.optional(),
});
export type CaptureDetail = z.infer<typeof CaptureDetail>;
