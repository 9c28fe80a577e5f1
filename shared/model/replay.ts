import { z } from 'zod';
import { BodyDto, HeaderList } from './http.js';
import { ProviderId } from './provider.js';

// Header names are HTTP tokens; values may not carry line breaks (no header injection).
const HeaderName = z
  .string()
  .min(1)
  .max(256)
  .regex(/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/u, 'Not a valid HTTP header name');
const HeaderValue = z
  .string()
  .max(16_384)
  .regex(/^[^\r\n\0]*$/u, 'Header values cannot contain line breaks');

/** Request headers to send, `[[name, value], …]` in order, duplicates kept. */
export const RequestHeaders = z.array(z.tuple([HeaderName, HeaderValue])).max(500);

/** Where a replay goes. */
export const ReplayTarget = z.discriminatedUnion('kind', [
  /** Convoscope's own listener, same path: the request runs through the endpoint's current mode. */
  z.object({ kind: z.literal('listener') }),
  /** The forward target of the endpoint the capture arrived on (path after the prefix appended). */
  z.object({ kind: z.literal('forward') }),
  /** Exactly this http(s) URL. */
  z.object({ kind: z.literal('url'), url: z.string().min(1).max(4000) }),
]);
export type ReplayTarget = z.infer<typeof ReplayTarget>;
export const ReplayTargetKind = z.enum(['listener', 'forward', 'url']);
export type ReplayTargetKind = z.infer<typeof ReplayTargetKind>;

/** A body to send: exact bytes (base64), UTF-8 text, or form fields (re-encoded, unchanged ones byte-exact). */
export const BodyInput = z.union([
  z.object({ base64: z.string().max(512 * 1024 * 1024) }),
  z.object({ text: z.string() }),
  z.object({ form: z.array(z.tuple([z.string(), z.string()])).max(5000) }),
]);
export type BodyInput = z.infer<typeof BodyInput>;

const HttpMethod = z
  .string()
  .min(1)
  .max(20)
  .regex(/^[A-Za-z]+$/u, 'Not an HTTP method');

/** Changes to a captured request before it is sent; what is omitted stays as captured. */
export const ReplayEdits = z.object({
  method: HttpMethod.optional(),
  /** Path and query as in the request line, e.g. `/kindly?x=1`. */
  path: z
    .string()
    .min(1)
    .max(8000)
    .regex(/^\/[^\s]*$/u, 'The path starts with "/" and has no spaces')
    .optional(),
  /** Replaces the query (encoded as forms are); `[]` removes it. */
  query: z
    .array(z.tuple([z.string(), z.string()]))
    .max(500)
    .optional(),
  /** The whole header list to send (Host, Content-Length and hop-by-hop headers are set by Convoscope). */
  headers: RequestHeaders.optional(),
  body: BodyInput.optional(),
});
export type ReplayEdits = z.infer<typeof ReplayEdits>;

/**
 * Kindly's `Kindly-HMAC` on a sent request: `original` (body unchanged, the captured signature),
 * `signed` (signed now with the stored secret: an edited replay or a composed request), `stale` (body changed but the
 * captured signature was sent: the receiver will reject it), `unsigned` (no signature sent).
 */
export const SignatureMode = z.enum(['original', 'signed', 'stale', 'unsigned']);
export const SignatureInfo = z.object({
  mode: SignatureMode,
  /** The `Kindly-HMAC` value sent; null when none. */
  header: z.string().nullable(),
  /** Why it is what it is, for people (e.g. "No Kindly HMAC secret is set"). */
  note: z.string().nullable(),
});
export type SignatureInfo = z.infer<typeof SignatureInfo>;

/** A request ready to send (also what `replays.preview` and `captures.compose` without a target answer). */
export const PreparedRequest = z.object({
  targetKind: ReplayTargetKind,
  method: z.string(),
  url: z.string(),
  headers: HeaderList,
  body: BodyDto,
  /** True when method, path, headers or body differ from the capture. */
  edited: z.boolean(),
  /** Present on Kindly requests. */
  signature: SignatureInfo.nullable(),
  warnings: z.array(z.string()),
});
export type PreparedRequest = z.infer<typeof PreparedRequest>;

/** `ok`: the target answered (any status); `failed`: no answer (refused, timeout, error). */
export const ReplayState = z.enum(['running', 'ok', 'failed', 'cancelled']);
export type ReplayState = z.infer<typeof ReplayState>;
export const ReplayKind = z.enum(['replay', 'compose']);

export const ReplaySummary = z.object({
  id: z.number().int(),
  /** The capture replayed; null for composed requests. */
  captureId: z.number().int().nullable(),
  /** Set when the replay belongs to a bulk run. */
  bulkId: z.string().nullable(),
  kind: ReplayKind,
  targetKind: ReplayTargetKind,
  /** The URL the request went to. */
  url: z.string(),
  method: z.string(),
  /** The endpoint prefix the capture belongs to (where the target is remembered). */
  endpoint: z.string().nullable(),
  edited: z.boolean(),
  signature: SignatureInfo.nullable(),
  startedAt: z.number(),
  timeoutMs: z.number().int(),
  state: ReplayState,
  status: z.number().int().nullable(),
  /** From sending to the end of the answer (or the failure). */
  durationMs: z.number().nullable(),
  error: z.string().nullable(),
  /** Real size of the answer's body, even when only a prefix was stored. */
  responseSize: z.number().int().nullable(),
  /** Replays to the listener: the capture the listener recorded for it. */
  listenerCaptureId: z.number().int().nullable(),
});
export type ReplaySummary = z.infer<typeof ReplaySummary>;

export const ReplayDetail = ReplaySummary.extend({
  requestHeaders: HeaderList,
  requestBody: BodyDto,
  responseHeaders: HeaderList.nullable(),
  /** Stored up to the listener's body limit (`truncated` says so); null when there was no answer. */
  responseBody: BodyDto.nullable(),
});
export type ReplayDetail = z.infer<typeof ReplayDetail>;

/** Captures picked by id, or by the list's filter (newest first, like `captures.list`). */
export const CaptureFilterInput = z.object({
  provider: ProviderId.optional(),
  q: z.string().max(500).optional(),
  conversation: z.string().max(500).optional(),
  /** Only starred (true) or only unstarred (false) captures. */
  starred: z.boolean().optional(),
});
export type CaptureFilterInput = z.infer<typeof CaptureFilterInput>;

export const StatusClassCounts = z.object({
  '1xx': z.number().int(),
  '2xx': z.number().int(),
  '3xx': z.number().int(),
  '4xx': z.number().int(),
  '5xx': z.number().int(),
});

export const BulkState = z.enum(['running', 'done', 'cancelled']);

/** A bulk replay's progress, and at the end its summary. */
export const BulkProgress = z.object({
  bulkId: z.string(),
  state: BulkState,
  target: ReplayTarget,
  concurrency: z.number().int(),
  total: z.number().int(),
  /** Finished in any way (answered, failed, cancelled). */
  done: z.number().int(),
  running: z.number().int(),
  /** Answers by status class. */
  byClass: StatusClassCounts,
  /** No answer: connection refused, timeout, error. */
  failed: z.number().int(),
  cancelled: z.number().int(),
  /** The most frequent failure messages. */
  errors: z.array(z.object({ message: z.string(), count: z.number().int() })),
  /** Durations of answered and failed requests (ms); null before the first finishes. */
  timing: z
    .object({ min: z.number(), max: z.number(), mean: z.number(), p50: z.number(), p95: z.number() })
    .nullable(),
  startedAt: z.number(),
  finishedAt: z.number().nullable(),
});
export type BulkProgress = z.infer<typeof BulkProgress>;

/** Remembered replay targets for the endpoint a capture belongs to. */
export const ReplayTargets = z.object({
  /** The endpoint prefix (null when no endpoint covers the capture's path). */
  endpoint: z.string().nullable(),
  /** What `r` replays to: the last target used for this endpoint, else the forward target or the listener. */
  last: ReplayTarget,
  /** The endpoint's forward target URL, when it has one. */
  forwardTarget: z.string().nullable(),
  /** The URL a listener replay of this capture goes to. */
  listenerUrl: z.string(),
  /** URLs typed for this endpoint, most recent first. */
  recentUrls: z.array(z.string()),
});
export type ReplayTargets = z.infer<typeof ReplayTargets>;

// ---- Compose ----

const Digits = z.string().regex(/^\d{1,20}$/u, 'Digits only (ids up to 2^64 are kept exact)');
const AdminRef = z.object({ id: Digits, name: z.string().max(200) });

/** A Dashly chat-webhook part (docs/dashly.md §1); ids as digit strings so 64-bit ids stay exact. */
export const DashlyComposeFields = z.object({
  body: z.string().max(100_000),
  conversationId: Digits.default('64558819'),
  /** Lead: the user id in `from`. */
  userId: Digits.default('85648207'),
  /** Operator message: the admin in `from`. */
  admin: AdminRef.default({ id: '111', name: 'inkov' }),
  /** The conversation's assignee; null for none. */
  assignee: AdminRef.nullable().default({ id: '111', name: 'inkov' }),
  partId: Digits.optional(),
  randomId: Digits.optional(),
  /** Unix seconds; default now. */
  created: z.number().int().nonnegative().optional(),
  tags: z.array(z.string().max(200)).max(100).default([]),
  closed: z.boolean().default(false),
  sentVia: z.string().max(50).optional(),
  /** The `token` form field (default `xxx`, as in the docs); type the webhook token to pass a token check. */
  token: z.string().max(1000).optional(),
});
export type DashlyComposeFields = z.infer<typeof DashlyComposeFields>;

const Uuid = z.string().regex(/^[0-9a-fA-F-]{8,64}$/u, 'Not a UUID');

/** A Kindly dialogue webhook (docs/kindly.md §1). */
export const KindlyComposeFields = z.object({
  message: z.string().max(100_000),
  chatId: Uuid.optional(),
  userId: z.string().max(200).default('u-7c41e0d2'),
  botId: Digits.default('1234'),
  organizationId: Digits.default('42'),
  exchangeId: Uuid.optional(),
  languageCode: z.string().max(20).default('en'),
  /** The chat's context memory as a JSON object text. */
  context: z.string().max(1_000_000).default('{}'),
  chatLabels: z.array(z.string().max(200)).max(100).default([]),
  source: z.string().max(50).default('web'),
  webHost: z.string().max(500).optional(),
  webPath: z.string().max(2000).optional(),
  webUrl: z.string().max(4000).optional(),
  /** Add `Kindly-HMAC` with the stored secret (when one is set). */
  sign: z.boolean().default(true),
});
export type KindlyComposeFields = z.infer<typeof KindlyComposeFields>;

/** Any request: from a pasted cURL command or built by hand. */
export const CustomComposeFields = z.object({
  method: HttpMethod.default('POST'),
  /** Path and query used for a listener target. */
  path: z
    .string()
    .max(8000)
    .regex(/^\/[^\s]*$/u, 'The path starts with "/" and has no spaces')
    .default('/'),
  headers: RequestHeaders.default([]),
  body: BodyInput.default({ text: '' }),
  /** Re-sign `Kindly-HMAC` when the request carries one (or is sent to a Kindly path) and a secret is set. */
  sign: z.boolean().default(false),
});
export type CustomComposeFields = z.infer<typeof CustomComposeFields>;

export const ComposeTemplateId = z.enum(['dashly.lead', 'dashly.operator', 'kindly.message', 'custom']);
export type ComposeTemplateId = z.infer<typeof ComposeTemplateId>;

/** Where a composed request goes: the listener (at `path`, default the provider's) or a URL. */
export const ComposeTarget = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('listener'),
    path: z
      .string()
      .max(8000)
      .regex(/^\/[^\s]*$/u)
      .optional(),
  }),
  z.object({ kind: z.literal('url'), url: z.string().min(1).max(4000) }),
]);
export type ComposeTarget = z.infer<typeof ComposeTarget>;

export const ComposeInput = z.discriminatedUnion('template', [
  z.object({ template: z.literal('dashly.lead'), fields: DashlyComposeFields }),
  z.object({ template: z.literal('dashly.operator'), fields: DashlyComposeFields }),
  z.object({ template: z.literal('kindly.message'), fields: KindlyComposeFields }),
  z.object({ template: z.literal('custom'), fields: CustomComposeFields }),
]);

// ---- Share ----

export const ExportFormat = z.enum(['har', 'ndjson']);
export type ExportFormat = z.infer<typeof ExportFormat>;
