import type { JsonObject } from './reply-edit.js';

/**
 * The studio's one piece of state: the JSON text, and the last reply object that text held. The
 * builder edits `value` (and the text is rewritten from it); the JSON editor edits `text` (and
 * `value` follows while the text parses to an object). While it does not, `value` stays at the last
 * valid state and `problem` says why the builder is not following.
 */
export interface ReplyDraft {
  text: string;
  value: JsonObject;
  /** Why `value` is behind `text` (a syntax error, or JSON that is not an object); null in sync. */
  problem: string | null;
}

/** How the studio writes JSON: two-space indentation, like Kindly's documentation. */
export function formatReply(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function draftFromValue(value: JsonObject): ReplyDraft {
  return { text: formatReply(value), value, problem: null };
}

/** A draft for `text` typed over `previous`: the builder follows only while the text is an object. */
export function draftFromText(text: string, previous: ReplyDraft | null): ReplyDraft {
  const fallback = previous?.value ?? {};
  if (text.trim() === '') {
    return { text, value: fallback, problem: 'The JSON is empty; Kindly expects an object (at least {}).' };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return {
      text,
      value: fallback,
      problem: `The JSON does not parse: ${(error as Error).message.replace(/\.?$/u, '.')}`,
    };
  }
  if (!isObject(parsed)) {
    return {
      text,
      value: fallback,
      problem: `The reply must be a JSON object, not ${Array.isArray(parsed) ? 'an array' : parsed === null ? 'null' : `a ${typeof parsed}`}.`,
    };
  }
  return { text, value: parsed, problem: null };
}

/** The empty reply: what Kindly's starter kit answers. */
export const EMPTY_DRAFT: ReplyDraft = { text: '{}', value: {}, problem: null };
