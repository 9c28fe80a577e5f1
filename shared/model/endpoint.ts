import { z } from 'zod';
import type { HeaderList } from './http.js';

/** What the listener answers on an endpoint; see electron/core/responders/README.md. */
export const EndpointMode = z.enum(['ack', 'forward', 'mock', 'hold']);
export type EndpointMode = z.infer<typeof EndpointMode>;

export const DEFAULT_FORWARD_TIMEOUT_MS = 9000;
export const DEFAULT_HOLD_TIMEOUT_MS = 8000;
export const MAX_RULES = 200;
export const MAX_DELAY_MS = 120_000;

// Header names are HTTP tokens; values may not carry line breaks (no header injection).
const HeaderName = z
  .string()
  .min(1)
  .max(256)
  .regex(/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/u, 'Not a valid HTTP header name');
const HeaderValue = z
  .string()
  .max(8192)
  .regex(/^[^\r\n\0]*$/u, 'Header values cannot contain line breaks');

/** Response headers: `[[name, value], …]` (order and duplicates kept) or `{name: value}`. */
export const ResponseHeaders = z
  .union([
    z.array(z.tuple([HeaderName, HeaderValue])).max(100),
    z.record(HeaderName, HeaderValue).refine((record) => Object.keys(record).length <= 100, {
      message: 'At most 100 headers',
    }),
  ])
  .transform((headers): HeaderList => (Array.isArray(headers) ? headers : Object.entries(headers)));

/** Any JSON value (sent as application/json) or a string (sent as text). Strings are templates. */
export const ResponseBody = z.json();

/** A response to send: `{status?, headers?, body}`; status defaults to 200. */
export const ResponseSpec = z.object({
  status: z.number().int().min(200).max(599).optional(),
  headers: ResponseHeaders.optional(),
  body: ResponseBody,
});
export type ResponseSpec = z.output<typeof ResponseSpec>;
export type ResponseSpecInput = z.input<typeof ResponseSpec>;

export const RuleResponse = ResponseSpec.extend({
  /** Wait this long before answering (the capture is stored first). */
  delayMs: z.number().int().min(0).max(MAX_DELAY_MS).optional(),
});
export type RuleResponse = z.output<typeof RuleResponse>;

/**
 * Conditions of a mock rule; all given ones must hold. `text`/`textEquals`/`textRegex` look at the
 * provider's message text (Kindly `message`, Dashly `conversation.body`); `caseInsensitive`
 * applies to them, to `bodyRegex` and to the header value.
 */
export const RuleMatch = z.object({
  /** HTTP method, any case. */
  method: z.string().min(1).max(20).optional(),
  /** Request path without the query; `*` matches any run of characters (`/kindly/*`). */
  path: z.string().min(1).max(1000).optional(),
  /** A header with exactly this value (any of its values when repeated); name in any case. */
  header: z.object({ name: z.string().min(1).max(256), value: z.string().max(8192) }).optional(),
  /** RE2 pattern searched in the body text. */
  bodyRegex: z.string().min(1).max(1000).optional(),
  /** A value in the payload: `{path: "context.store", equals: "oslo"}`; without `equals`, the path must exist. */
  jsonPath: z.object({ path: z.string().min(1).max(500), equals: z.json().optional() }).optional(),
  /** Literal substring of the message text (never a regex). */
  text: z.string().min(1).max(10_000).optional(),
  /** The whole message text equals this literal (surrounding whitespace ignored). */
  textEquals: z.string().max(10_000).optional(),
  /** RE2 pattern searched in the message text. */
  textRegex: z.string().min(1).max(1000).optional(),
  caseInsensitive: z.boolean().optional(),
});
export type RuleMatch = z.output<typeof RuleMatch>;

export const Rule = z.object({
  /** Label for the rules editor. */
  name: z.string().max(200).optional(),
  enabled: z.boolean().default(true),
  match: RuleMatch.default({}),
  response: RuleResponse,
});
export type Rule = z.output<typeof Rule>;
export type RuleInput = z.input<typeof Rule>;

/** Endpoint path prefix: starts with `/`, no query or fragment, no empty or dot segments. */
export const EndpointPrefix = z
  .string()
  .min(1)
  .max(200)
  .transform((prefix) => (prefix.length > 1 ? prefix.replace(/\/+$/u, '') || '/' : prefix))
  .refine((prefix) => prefix.startsWith('/'), 'The prefix must start with "/"')
  .refine((prefix) => !/[?#]/u.test(prefix), 'The prefix cannot contain a query or fragment')
  .refine((prefix) => /^[\x21-\x7e]+$/u.test(prefix), 'The prefix must be printable ASCII without spaces')
  .refine(
    (prefix) =>
      prefix === '/' ||
      prefix
        .slice(1)
        .split('/')
        .every((s) => s !== '' && s !== '.' && s !== '..'),
    'The prefix cannot contain empty, "." or ".." segments',
  );

const EndpointFields = {
  prefix: EndpointPrefix,
  mode: EndpointMode,
  /** forward: the URL requests are sent to; the path after the prefix and the query are appended. */
  target: z.string().max(2000).nullable().optional(),
  /** forward: give up on the target after this long (default 9 s). */
  timeoutMs: z.number().int().min(100).max(600_000).optional(),
  /** mock rules, in order; also used by hold for its deadline answer. */
  rules: z.array(Rule).max(MAX_RULES).optional(),
  /** What is sent when no rule matches (mock), the target fails (forward) or a hold runs out. */
  fallback: ResponseSpec.nullable().optional(),
  /** hold: how long the operator has before the fallback is sent (default 8 s). */
  holdTimeoutMs: z.number().int().min(500).max(600_000).optional(),
  /** forward: when the target fails, hold the request for the operator instead of the fallback. */
  holdOnForwardFailure: z.boolean().optional(),
  /** forward: count a 5xx answer from the target as a failure too. */
  failOn5xx: z.boolean().optional(),
  /** Answer 401 when the provider's signature or token check fails, before any mode runs. */
  rejectInvalidAuth: z.boolean().optional(),
};

/** `endpoints.save` input: omitted fields take their defaults. */
export const EndpointInput = z.object({
  ...EndpointFields,
  /** Rename: the prefix this endpoint had; open holds move with it. */
  previousPrefix: EndpointPrefix.optional(),
});
export type EndpointInput = z.input<typeof EndpointInput>;
export type EndpointParams = z.output<typeof EndpointInput>;

/** An endpoint as stored and listed, every default applied. */
export const Endpoint = z.object({
  prefix: z.string(),
  mode: EndpointMode,
  target: z.string().nullable(),
  timeoutMs: z.number().int(),
  rules: z.array(Rule),
  fallback: ResponseSpec.nullable(),
  holdTimeoutMs: z.number().int(),
  holdOnForwardFailure: z.boolean(),
  failOn5xx: z.boolean(),
  rejectInvalidAuth: z.boolean(),
  /** Epoch ms of the last save. */
  updatedAt: z.number(),
});
export type Endpoint = z.output<typeof Endpoint>;
