import type { HeaderList } from '../../../shared/model/http.js';
import { endToEndHeaders, REPLAY_DROPPED_HEADERS } from '../../../shared/replay/end-to-end-headers.js';
import type { ProviderId } from '../../../shared/model/provider.js';
import type { BodyInput, ReplayEdits, ReplayTarget, SignatureInfo } from '../../../shared/model/replay.js';
import { encodeForm } from '../../../shared/replay/form-codec.js';
import { ApiError } from '../api/api-error.js';
import { KINDLY_HMAC_HEADER, resignKindlyHeaders } from '../providers/kindly/signature.js';
import { forwardTarget } from '../responders/forwarder.js';
import { headerValue } from '../util/headers.js';
import { decodeText } from '../util/text.js';
import { isListenerUrl, parseTargetUrl } from './target-url.js';

/** The captured request a replay starts from. */
export interface SourceRequest {
  method: string;
  /** Path and query as received. */
  path: string;
  headers: HeaderList;
  body: Buffer;
  provider: ProviderId;
  /** Only a prefix of the body was stored. */
  bodyTruncated: boolean;
}

export interface PrepareContext {
  listenerUrl: string;
  listenerPort: number;
  /** The endpoint covering a path: its prefix and forward target. */
  endpointFor: (pathname: string) => { prefix: string; target: string | null } | null;
  kindlySecret: () => string | null;
}

/** A request ready to go: the exact bytes and headers that will be sent. */
export interface PreparedReplay {
  targetKind: ReplayTarget['kind'];
  method: string;
  url: URL;
  /** Without Host and Content-Length (set when sending) and without the replay marker. */
  headers: HeaderList;
  body: Buffer;
  /** The body is exactly the captured one (stored once). */
  bodyUnchanged: boolean;
  edited: boolean;
  signature: SignatureInfo | null;
  /** Sent to Convoscope's listener: add the replay marker. */
  toListener: boolean;
  endpoint: string | null;
  warnings: string[];
}

export function bodyFromInput(input: BodyInput, original: Buffer): Buffer {
  if ('base64' in input) {
    const clean = input.base64.replace(/\s+/gu, '');
    if (!/^[A-Za-z0-9+/]*={0,2}$/u.test(clean))
      throw new ApiError('bad_request', 'body.base64 is not base64.');
    return Buffer.from(clean, 'base64');
  }
  if ('text' in input) return Buffer.from(input.text, 'utf8');
  const originalText = decodeText(original);
  return Buffer.from(encodeForm(input.form, originalText ?? undefined), 'utf8');
}

function withQuery(path: string, query: [string, string][]): string {
  const base = path.split('?')[0] ?? path;
  return query.length === 0 ? base : `${base}?${encodeForm(query)}`;
}

function sameHeaders(a: HeaderList, b: HeaderList): boolean {
  return (
    a.length === b.length &&
    a.every(([name, value], index) => b[index]?.[0] === name && b[index]?.[1] === value)
  );
}

export function isKindlyRequest(provider: ProviderId, headers: HeaderList): boolean {
  return provider === 'kindly' || headerValue(headers, KINDLY_HMAC_HEADER) !== undefined;
}

/**
 * Kindly's signature for what is about to be sent: the captured one while the body is unchanged,
 * a fresh one (stored secret) for a changed body when `resign` is on, else the stale original.
 */
export function signKindly(
  headers: HeaderList,
  body: Buffer,
  bodyChanged: boolean,
  resign: boolean,
  secret: string | null,
): { headers: HeaderList; signature: SignatureInfo } {
  const current = headerValue(headers, KINDLY_HMAC_HEADER) ?? null;
  if (!bodyChanged)
    return {
      headers,
      signature: current
        ? {
            mode: 'original',
            header: current,
            note: 'The body is unchanged, so the captured signature is valid.',
          }
        : { mode: 'unsigned', header: null, note: 'The captured request had no Kindly-HMAC.' },
    };
  if (resign && secret) {
    const signed = resignKindlyHeaders(headers, body, secret);
    return {
      headers: signed,
      signature: {
        mode: 'signed',
        header: headerValue(signed, KINDLY_HMAC_HEADER) ?? null,
        note: 'The body changed, so it was signed again with the stored Kindly HMAC secret.',
      },
    };
  }
  const why = !resign ? 'Re-signing is off' : 'No Kindly HMAC secret is set (Settings › Kindly)';
  return current
    ? {
        headers,
        signature: {
          mode: 'stale',
          header: current,
          note: `${why}: the captured signature no longer matches the edited body, so a checking receiver rejects it.`,
        },
      }
    : { headers, signature: { mode: 'unsigned', header: null, note: `${why}; no signature is sent.` } };
}

/** Builds exactly what a replay of `source` to `target` with `edits` sends. Throws ApiError for bad input. */
export function prepareReplay(
  source: SourceRequest,
  target: ReplayTarget,
  edits: ReplayEdits | undefined,
  resign: boolean,
  context: PrepareContext,
): PreparedReplay {
  const warnings: string[] = [];
  const method = (edits?.method ?? source.method).toUpperCase();
  let path = edits?.path ?? source.path;
  if (edits?.query) path = withQuery(path, edits.query);
  const pathname = source.path.split('?')[0] ?? source.path;
  const endpoint = context.endpointFor(pathname);

  const originalHeaders = endToEndHeaders(source.headers, REPLAY_DROPPED_HEADERS);
  let headers = edits?.headers ? endToEndHeaders(edits.headers, REPLAY_DROPPED_HEADERS) : originalHeaders;
  const body = edits?.body ? bodyFromInput(edits.body, source.body) : source.body;
  const bodyUnchanged = body.equals(source.body);
  if (source.bodyTruncated && bodyUnchanged)
    warnings.push(
      'Only the first part of this body was stored (it was over the listener limit); that part is sent.',
    );

  let signature: SignatureInfo | null = null;
  if (isKindlyRequest(source.provider, headers)) {
    const signed = signKindly(headers, body, !bodyUnchanged, resign, context.kindlySecret());
    headers = signed.headers;
    signature = signed.signature;
  }

  let url: URL;
  let toListener = false;
  if (target.kind === 'listener') {
    url = new URL(`${context.listenerUrl}${path.startsWith('/') ? path : `/${path}`}`);
    toListener = true;
  } else if (target.kind === 'forward') {
    if (!endpoint)
      throw new ApiError('bad_request', `No endpoint covers ${pathname}, so there is no forward target.`);
    if (!endpoint.target)
      throw new ApiError(
        'bad_request',
        `The endpoint ${endpoint.prefix} has no forward target; set one in its settings or type a URL.`,
      );
    url = new URL(forwardTarget(endpoint.target, endpoint.prefix, path).url);
  } else {
    url = parseTargetUrl(target.url);
    toListener = isListenerUrl(url, context.listenerPort);
  }

  const edited =
    method !== source.method.toUpperCase() ||
    path !== source.path ||
    !sameHeaders(
      edits?.headers ? endToEndHeaders(edits.headers, REPLAY_DROPPED_HEADERS) : originalHeaders,
      originalHeaders,
    ) ||
    !bodyUnchanged;
  return {
    targetKind: target.kind,
    method,
    url,
    headers,
    body,
    bodyUnchanged,
    edited,
    signature,
    toListener,
    endpoint: endpoint?.prefix ?? null,
    warnings,
  };
}
