/**
 * Dotted paths into JSON values, shared by body templates (`{{context.store}}`) and rule
 * conditions (`jsonPath`). Pure: no DOM, no Node.
 *
 * Syntax: `a.b.c`, array indexes as `items.0` or `items[0]`, keys with dots or spaces as
 * `context["opening hours"]`. A leading `$` or `$.` is accepted (JSONPath habit) and ignored.
 * Only own properties are followed, so `constructor` or `__proto__` never reach JavaScript internals.
 */

export const MAX_PATH_LENGTH = 500;
const MAX_SEGMENTS = 64;

export type ParsedPath = { ok: true; segments: string[] } | { ok: false; error: string };

const PLAIN_SEGMENT = /^[^.[\]"'{}|\s]+$/u;

export function parsePath(text: string): ParsedPath {
  let rest = text.trim();
  if (rest.length === 0) return { ok: false, error: 'The path is empty.' };
  if (rest.length > MAX_PATH_LENGTH)
    return { ok: false, error: `The path is longer than ${MAX_PATH_LENGTH} characters.` };
  if (rest === '$') return { ok: true, segments: [] };
  if (rest.startsWith('$.') || rest.startsWith('$[')) rest = rest.slice(rest[1] === '.' ? 2 : 1);

  const segments: string[] = [];
  let i = 0;
  let expectSegment = true;
  while (i < rest.length) {
    const char = rest[i];
    if (char === '[') {
      const close = readBracket(rest, i);
      if (!close) return { ok: false, error: `Unclosed or malformed [ ] in "${text}".` };
      segments.push(close.key);
      i = close.end;
      expectSegment = false;
    } else if (char === '.') {
      if (expectSegment) return { ok: false, error: `Empty segment in "${text}".` };
      expectSegment = true;
      i++;
    } else {
      if (!expectSegment) return { ok: false, error: `Expected "." or "[" at position ${i} in "${text}".` };
      let end = i;
      while (end < rest.length && rest[end] !== '.' && rest[end] !== '[') end++;
      const key = rest.slice(i, end);
      if (!PLAIN_SEGMENT.test(key)) return { ok: false, error: `Invalid segment "${key}" in "${text}".` };
      segments.push(key);
      i = end;
      expectSegment = false;
    }
    if (segments.length > MAX_SEGMENTS) return { ok: false, error: 'The path has too many segments.' };
  }
  if (expectSegment) return { ok: false, error: `The path "${text}" ends with ".".` };
  return { ok: true, segments };
}

function readBracket(text: string, open: number): { key: string; end: number } | null {
  const quote = text[open + 1];
  if (quote === '"' || quote === "'") {
    let key = '';
    let i = open + 2;
    while (i < text.length) {
      const char = text[i];
      if (char === '\\' && i + 1 < text.length) {
        key += text[i + 1];
        i += 2;
        continue;
      }
      if (char === quote) {
        return text[i + 1] === ']' ? { key, end: i + 2 } : null;
      }
      key += char;
      i++;
    }
    return null;
  }
  const close = text.indexOf(']', open);
  if (close === -1) return null;
  const key = text.slice(open + 1, close).trim();
  return /^\d+$/u.test(key) ? { key, end: close + 1 } : null;
}

export type Lookup = { found: true; value: unknown } | { found: false };

/** Follows `segments` from `root`; arrays take numeric segments, objects own keys only. */
export function lookupPath(root: unknown, segments: readonly string[]): Lookup {
  let current: unknown = root;
  for (const segment of segments) {
    if (Array.isArray(current)) {
      if (!/^\d+$/u.test(segment)) return { found: false };
      const index = Number(segment);
      if (index >= current.length) return { found: false };
      current = current[index];
    } else if (typeof current === 'object' && current !== null) {
      if (!Object.hasOwn(current, segment)) return { found: false };
      current = (current as Record<string, unknown>)[segment];
    } else {
      return { found: false };
    }
  }
  return current === undefined ? { found: false } : { found: true, value: current };
}
