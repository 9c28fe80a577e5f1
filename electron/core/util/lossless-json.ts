import { isInteger, isSafeNumber, parse } from 'lossless-json';

/**
 * JSON.parse that keeps integers above 2^53 exact by returning them as strings (Dashly ids reach
 * 2^64). Every other number is an ordinary number.
 */
export function parseJsonLossless(text: string): unknown {
  return parse(text, null, (value: string) =>
    isInteger(value) && !isSafeNumber(value) ? value : Number(value),
  );
}

/** An id as the app stores it: always a string. */
export function idString(value: unknown): string | null {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'bigint') return value.toString();
  return null;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
