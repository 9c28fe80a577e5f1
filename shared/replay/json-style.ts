import { isLosslessNumber, parse } from 'lossless-json';

/**
 * How a JSON text was written, so an edited value can be sent back the way its sender writes it:
 * Kindly sends compact JSON, Dashly's `conversation` field is Python's `json.dumps` (`", "` and
 * `": "`, non-ASCII escaped). Numbers always keep their exact text (ids reach 2^64).
 */
export interface JsonStyle {
  /** Spaces per indentation level; null for one line. */
  indent: number | null;
  /** `", "` after items and `": "` after keys (Python's default) rather than `,` and `:`. */
  spaced: boolean;
  /** Non-ASCII characters written as `\uXXXX`. */
  asciiOnly: boolean;
  /** `/` written as `\/`. */
  escapeSlash: boolean;
}

export const COMPACT_STYLE: JsonStyle = { indent: null, spaced: false, asciiOnly: false, escapeSlash: false };
export const PYTHON_STYLE: JsonStyle = { indent: null, spaced: true, asciiOnly: true, escapeSlash: false };

/** Reads the style of a JSON text. Without non-ASCII characters, `asciiOnly` follows `fallback`. */
export function detectJsonStyle(text: string, fallback: JsonStyle = COMPACT_STYLE): JsonStyle {
  let inString = false;
  let spaced: boolean | null = null;
  let indent: number | null = null;
  let sawUnicodeEscape = false;
  let sawRawNonAscii = false;
  let escapeSlash = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (inString) {
      if (char === '\\') {
        const next = text[i + 1];
        if (next === '/') escapeSlash = true;
        if (next === 'u' && parseInt(text.slice(i + 2, i + 6), 16) > 0x7f) sawUnicodeEscape = true;
        i += 1;
      } else if (char === '"') inString = false;
      else if (char.charCodeAt(0) > 0x7f) sawRawNonAscii = true;
      continue;
    }
    if (char === '"') inString = true;
    else if ((char === ',' || char === ':') && spaced === null) {
      const next = text[i + 1];
      if (next === ' ') spaced = true;
      else if (next !== '\n' && next !== '\r') spaced = false;
    } else if (char === '\n' && indent === null) {
      const match = /^ +|^\t/u.exec(text.slice(i + 1));
      if (match) indent = match[0] === '\t' ? 1 : match[0].length;
    }
  }
  return {
    indent,
    spaced: spaced ?? fallback.spaced,
    asciiOnly: sawRawNonAscii ? false : sawUnicodeEscape ? true : fallback.asciiOnly,
    escapeSlash,
  };
}

function escapeString(text: string, style: JsonStyle): string {
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    const code = char.charCodeAt(0);
    if (char === '"') out += '\\"';
    else if (char === '\\') out += '\\\\';
    else if (char === '/' && style.escapeSlash) out += '\\/';
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (char === '\t') out += '\\t';
    else if (char === '\b') out += '\\b';
    else if (char === '\f') out += '\\f';
    else if (
      code < 0x20 ||
      (code > 0x7e && style.asciiOnly) ||
      (code >= 0xd800 && code <= 0xdfff && !wellFormedPair(text, i))
    )
      out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += char;
  }
  return `${out}"`;
}

/** A surrogate that is part of a proper pair can be written raw; a lone one must be escaped. */
function wellFormedPair(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code >= 0xd800 && code <= 0xdbff) {
    const next = text.charCodeAt(index + 1);
    return next >= 0xdc00 && next <= 0xdfff;
  }
  const previous = text.charCodeAt(index - 1);
  return previous >= 0xd800 && previous <= 0xdbff;
}

/** Serializes a value from `parseJsonExact` in `style`; lossless numbers keep their exact text. */
export function stringifyJsonStyled(value: unknown, style: JsonStyle): string {
  const itemSep = style.indent === null ? (style.spaced ? ', ' : ',') : ',';
  const keySep = style.spaced || style.indent !== null ? ': ' : ':';
  const write = (item: unknown, depth: number): string => {
    if (item === null || item === undefined) return 'null';
    if (isLosslessNumber(item)) return item.value;
    if (typeof item === 'number') return Number.isFinite(item) ? String(item) : 'null';
    if (typeof item === 'bigint') return item.toString();
    if (typeof item === 'boolean') return item ? 'true' : 'false';
    if (typeof item === 'string') return escapeString(item, style);
    const pad = style.indent === null ? '' : `\n${' '.repeat(style.indent * (depth + 1))}`;
    const close = style.indent === null ? '' : `\n${' '.repeat(style.indent * depth)}`;
    if (Array.isArray(item)) {
      if (item.length === 0) return '[]';
      return `[${item.map((entry) => `${pad}${write(entry, depth + 1)}`).join(itemSep)}${close}]`;
    }
    if (typeof item === 'object') {
      const entries = Object.entries(item as Record<string, unknown>);
      if (entries.length === 0) return '{}';
      return `{${entries
        .map(([key, entry]) => `${pad}${escapeString(key, style)}${keySep}${write(entry, depth + 1)}`)
        .join(itemSep)}${close}}`;
    }
    return 'null';
  };
  return write(value, 0);
}

/** JSON parse that keeps every number's exact text (LosslessNumber); throws on invalid JSON. */
export function parseJsonExact(text: string): unknown {
  return parse(text);
}

/** Re-serializes `text` in the style of `like` (exact numbers); throws when `text` is not JSON. */
export function restyleJson(text: string, like: string, fallback: JsonStyle = COMPACT_STYLE): string {
  return stringifyJsonStyled(parseJsonExact(text), detectJsonStyle(like, fallback));
}
