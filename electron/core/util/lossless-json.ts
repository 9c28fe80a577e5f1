import { isInteger, isSafeNumber, parse } from 'lossless-json';
import { perfEnabled } from '../perf-switches.js';

/**
 * A run of 16 digits: the only way a JSON text can hold an integer above 2^53 (9007199254740991
 * has 16 digits). Texts without one lose nothing to JSON.parse.
 */
const POSSIBLY_UNSAFE_INTEGER = /\d{16}/u;
const fastPath = perfEnabled('fast-json');

/**
 * JSON.parse that keeps integers above 2^53 exact by returning them as strings (Dashly ids reach
 * 2^64). Every other number is an ordinary number; a repeated key keeps its last value, as
 * JSON.parse does (and so does the bot server that receives the same body).
 *
 * Why two parsers: the lossless one costs about five times as much as V8's, and webhook bodies
 * are parsed on the listener's hot path; most bodies have no 16-digit run at all. Invalid JSON
 * goes through the lossless parser too, for its error message (it names the position and the
 * character, V8's wording changes between versions).
 */
export function parseJsonLossless(text: string): unknown {
  if (fastPath && !POSSIBLY_UNSAFE_INTEGER.test(text)) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      // Fall through: the same error, worded by the lossless parser.
    }
  }
  return parse(text, null, {
    parseNumber: (value: string) => (isInteger(value) && !isSafeNumber(value) ? value : Number(value)),
    onDuplicateKey: ({ newValue }) => newValue,
  });
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
