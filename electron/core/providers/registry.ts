import { isUnderPrefix } from '../../../shared/matching/path-prefix.js';
import type { ProviderId } from '../../../shared/model/provider.js';
import { dashlyProvider } from './dashly/index.js';
import { kindlyProvider } from './kindly/index.js';
import { otherProvider } from './other/index.js';
import type { CaptureForResponse, NewMessage, StoredResponse } from '../store/records.js';
import type { ParseResult, Provider, ReceivedRequest, StoredRequestToParse } from './provider.js';

/** Platform plug-ins, in sniffing order; `other` is the fallback and is not sniffed. */
export const providers: readonly Provider[] = [dashlyProvider, kindlyProvider];

export function providerById(id: ProviderId): Provider {
  return providers.find((provider) => provider.id === id) ?? otherProvider;
}

/** The provider whose path prefix a path lies under, if any. */
export function providerForPath(pathname: string): Provider | null {
  const lower = pathname.toLowerCase();
  return (
    providers.find((provider) => provider.pathPrefix && isUnderPrefix(lower, provider.pathPrefix)) ?? null
  );
}

/** Path prefix first (`/dashly…`, `/kindly…`), then content; else `other`. */
export function classify(request: ReceivedRequest): Provider {
  const byPath = providerForPath(request.pathname);
  if (byPath) return byPath;
  for (const provider of providers) {
    try {
      if (provider.detect(request)) return provider;
    } catch {
      // A detector that trips over hostile input simply does not claim the request.
    }
  }
  return otherProvider;
}

/** Classifies and parses; never throws. */
export function classifyAndParse(request: ReceivedRequest): { provider: ProviderId; result: ParseResult } {
  const provider = classify(request);
  return { provider: provider.id, result: parseAs(provider.id, request) };
}

/** Parses a stored request as it was received (search entries rebuilt, captures parsed after their answer). */
export function parseStored(id: ProviderId, stored: StoredRequestToParse): ParseResult {
  const queryIndex = stored.path.indexOf('?');
  return parseAs(id, {
    method: stored.method,
    path: stored.path,
    pathname: queryIndex === -1 ? stored.path : stored.path.slice(0, queryIndex),
    headers: stored.headers,
    body: stored.body,
    complete: !stored.bodyTruncated,
    receivedAt: stored.receivedAt,
  });
}

/** Parses a request as the given provider's; never throws (a failing parser becomes the error). */
export function parseAs(id: ProviderId, request: ReceivedRequest): ParseResult {
  try {
    return providerById(id).parse(request);
  } catch (error) {
    const fallback = otherProvider.parse(request);
    return { ...fallback, parsedAs: null, error: `Parser failed: ${(error as Error).message}` };
  }
}

/** The capture writer's hook: each provider turns its own responses into messages. */
export function responseMessages(capture: CaptureForResponse, response: StoredResponse): NewMessage[] {
  return providerById(capture.provider).responseMessages?.(capture, response) ?? [];
}
