/**
 * Security boundary: `Kindly-HMAC` checks (docs/kindly.md §2). Trusts only the configured secret;
 * the header values and the body come from the public listener and are untrusted. The signature is
 * base64(HMAC-SHA256(secret, raw body bytes)), computed over the exact bytes before any parsing and
 * compared in constant time after a length check.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { HeaderList } from '../../../../shared/model/http.js';
import type { SignatureCheck } from '../../../../shared/model/capture.js';
import { KINDLY_HMAC_ALGORITHM } from '../../../../shared/kindly/vocabulary.js';
import { headerValue } from '../../util/headers.js';

export const KINDLY_HMAC_HEADER = 'Kindly-HMAC';
export const KINDLY_HMAC_ALGORITHM_HEADER = 'Kindly-HMAC-algorithm';

/** base64(HMAC-SHA256(key = secret, message = raw body)). */
export function kindlySignature(rawBody: Buffer | string, secret: string): string {
  return createHmac('sha256', secret).update(rawBody).digest('base64');
}

/** Constant-time comparison of two signatures; unequal lengths are a mismatch, not an exception. */
export function signaturesEqual(expected: string, received: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(received, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

export interface KindlySignatureResult {
  signature: SignatureCheck;
  /** Why the result deserves a second look (unexpected algorithm, truncated body); null when none. */
  warning: string | null;
}

/**
 * Checks a request's `Kindly-HMAC`. `unsigned` when the header is absent, `no-secret` when it is
 * present but no secret is configured, else `verified` or `mismatch`.
 */
export function verifyKindlySignature(
  request: { headers: HeaderList; body: Buffer; bodyComplete?: boolean },
  secret: string | null,
): KindlySignatureResult {
  const received = headerValue(request.headers, KINDLY_HMAC_HEADER);
  const algorithm = headerValue(request.headers, KINDLY_HMAC_ALGORITHM_HEADER);
  const warnings: string[] = [];
  if (algorithm === undefined) {
    if (received !== undefined) warnings.push(`The request has no ${KINDLY_HMAC_ALGORITHM_HEADER} header.`);
  } else if (algorithm.trim() !== KINDLY_HMAC_ALGORITHM) {
    warnings.push(
      `Unexpected ${KINDLY_HMAC_ALGORITHM_HEADER} "${algorithm.slice(0, 100)}" (expected "${KINDLY_HMAC_ALGORITHM}"); Kindly changes it when the algorithm changes, so the check below may use the wrong one.`,
    );
  }
  if (request.bodyComplete === false) {
    warnings.push('Only part of the body was stored, so the signature cannot match.');
  }
  const warning = warnings.length > 0 ? warnings.join(' ') : null;
  if (received === undefined) return { signature: 'unsigned', warning };
  if (!secret) return { signature: 'no-secret', warning };
  const verified = signaturesEqual(kindlySignature(request.body, secret), received.trim());
  return { signature: verified ? 'verified' : 'mismatch', warning };
}

/**
 * Headers for sending `body` as Kindly would: any existing `Kindly-HMAC` is replaced in place (its
 * position and spelling kept) with the signature of the new body, and the algorithm header is added
 * when missing. For replaying an edited body; an unchanged body keeps its original signature.
 */
export function resignKindlyHeaders(headers: HeaderList, body: Buffer | string, secret: string): HeaderList {
  const signature = kindlySignature(body, secret);
  let signed = false;
  let hasAlgorithm = false;
  const result: HeaderList = [];
  for (const [name, value] of headers) {
    const lower = name.toLowerCase();
    if (lower === KINDLY_HMAC_HEADER.toLowerCase()) {
      if (!signed) result.push([name, signature]);
      signed = true;
      continue;
    }
    if (lower === KINDLY_HMAC_ALGORITHM_HEADER.toLowerCase()) hasAlgorithm = true;
    result.push([name, value]);
  }
  if (!signed) result.push([KINDLY_HMAC_HEADER, signature]);
  if (!hasAlgorithm) result.push([KINDLY_HMAC_ALGORITHM_HEADER, KINDLY_HMAC_ALGORITHM]);
  return result;
}
