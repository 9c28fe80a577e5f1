/**
 * What mock rules and response templates see of a request: method, path, headers, body text, the
 * provider's message text, and the payload as one JSON document. Payload content is untrusted: it
 * is only ever read as data (parsed JSON, form fields), never evaluated.
 */
import type { HeaderList } from '../../../shared/model/http.js';
import type { ProviderId } from '../../../shared/model/provider.js';
import { MAX_REGEX_INPUT } from '../../../shared/matching/safe-regex.js';
import { layeredScope, type TemplateScope } from '../../../shared/templates/template.js';
import { isRecord, parseJsonLossless } from '../util/lossless-json.js';

/** A message as parsed from the payload; only what rules and templates use. */
export interface ViewMessage {
  text: string;
  author: { kind: string; id: string | null };
}

export interface RequestSource {
  method: string;
  /** Path and query as in the request line. */
  path: string;
  headers: HeaderList;
  body: Buffer;
  provider: ProviderId;
  conversationKey: string | null;
  messages: readonly ViewMessage[];
}

export interface RequestView {
  readonly method: string;
  /** Path without the query. */
  readonly pathname: string;
  readonly headers: HeaderList;
  /** The first part of the body as UTF-8 text (invalid bytes replaced), enough for any regex. */
  readonly bodyText: string;
  /** The provider's message text (Kindly `message`, Dashly `conversation.body`); empty if none. */
  readonly messageText: string;
  /** The payload as JSON: a JSON body, or form fields with JSON-looking values parsed; lazily built. */
  readonly document: unknown;
  readonly scope: TemplateScope;
}

const BODY_TEXT_BYTES = MAX_REGEX_INPUT * 4;
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/u;

/** Form fields as an object: repeated fields become arrays, JSON-looking values are parsed. */
function formDocument(text: string): Record<string, unknown> | null {
  if (!text.includes('=') || /[\s{}"]/u.test(text.slice(0, 1))) return null;
  const params = new URLSearchParams(text);
  // No prototype: a field named `__proto__` is data like any other (and cannot reach Object.prototype).
  const out = Object.create(null) as Record<string, unknown>;
  let any = false;
  for (const [key, raw] of params) {
    any = true;
    let value: unknown = raw;
    const trimmed = raw.trim();
    if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
      try {
        value = parseJsonLossless(trimmed);
      } catch {
        value = raw;
      }
    }
    const existing = Object.hasOwn(out, key) ? out[key] : undefined;
    if (existing === undefined) out[key] = value;
    else out[key] = Array.isArray(existing) ? [...(existing as unknown[]), value] : [existing, value];
  }
  return any ? out : null;
}

/** The payload as a JSON document, or undefined when the body is neither JSON nor a form. */
export function payloadDocument(body: Buffer): unknown {
  if (body.length === 0) return undefined;
  const text = body.toString('utf8').trim();
  if (text.startsWith('{') || text.startsWith('[')) {
    try {
      return parseJsonLossless(text);
    } catch {
      return undefined;
    }
  }
  // Dashly's unconfirmed variant: the whole form base64-encoded (docs/dashly.md §1). Tried first
  // because base64 padding ("…=") also reads as a one-field form.
  const compact = text.replace(/\s+/gu, '');
  if (compact.length >= 4 && BASE64.test(compact)) {
    const decoded = formDocument(Buffer.from(compact, 'base64').toString('utf8').trim());
    if (decoded) return decoded;
  }
  return formDocument(text) ?? undefined;
}

function headerObject(headers: HeaderList): Record<string, string> {
  const out = Object.create(null) as Record<string, string>;
  for (const [name, value] of headers) {
    const key = name.toLowerCase();
    if (!Object.hasOwn(out, key)) out[key] = value;
  }
  return out;
}

function queryObject(path: string): Record<string, string> {
  const index = path.indexOf('?');
  const out = Object.create(null) as Record<string, string>;
  if (index === -1) return out;
  for (const [key, value] of new URLSearchParams(path.slice(index + 1)))
    if (!Object.hasOwn(out, key)) out[key] = value;
  return out;
}

export function buildRequestView(source: RequestSource, now: () => number = Date.now): RequestView {
  const queryIndex = source.path.indexOf('?');
  const pathname = queryIndex === -1 ? source.path : source.path.slice(0, queryIndex);
  const bodyText = source.body.subarray(0, BODY_TEXT_BYTES).toString('utf8');
  const messageText = source.messages.map((message) => message.text).join('\n');
  const userId = source.messages.find((message) => message.author.kind === 'user')?.author.id ?? null;

  let document: unknown;
  let parsed = false;
  const getDocument = (): unknown => {
    if (!parsed) {
      parsed = true;
      document = payloadDocument(source.body);
    }
    return document;
  };

  // `$`-names describe the request itself; they cannot collide with payload keys in practice.
  const requestVars = {
    get $method() {
      return source.method;
    },
    $path: pathname,
    $url: source.path,
    get $query() {
      return queryObject(source.path);
    },
    get $headers() {
      return headerObject(source.headers);
    },
    get $body() {
      return source.body.toString('utf8');
    },
    $provider: source.provider,
    get $now() {
      return new Date(now()).toISOString();
    },
    get $nowMs() {
      return now();
    },
  };
  const aliases: Record<string, unknown> = {
    message: messageText,
    chat_id: source.conversationKey,
    conversation_id: source.conversationKey,
    user_id: userId,
  };
  const payloadScope: TemplateScope = (segments) => {
    const doc = getDocument();
    return isRecord(doc) || Array.isArray(doc) ? layeredScope(doc)(segments) : { found: false };
  };
  const requestScope = layeredScope(requestVars);
  const aliasScope = layeredScope(aliases);
  const scope: TemplateScope = (segments) => {
    if (segments[0]?.startsWith('$')) return requestScope(segments);
    const hit = payloadScope(segments);
    return hit.found ? hit : aliasScope(segments);
  };

  return {
    method: source.method,
    pathname,
    headers: source.headers,
    bodyText,
    messageText,
    get document() {
      return getDocument();
    },
    scope,
  };
}
