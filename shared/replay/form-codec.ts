/**
 * application/x-www-form-urlencoded bodies as a list of fields that remembers each field's exact
 * bytes, so an edit re-encodes only the fields that changed and everything else stays byte-exact.
 */

export interface FormField {
  name: string;
  value: string;
  /** The field exactly as it appeared in the body (`name=value`, still encoded). */
  raw: string;
}

const HEX = '0123456789ABCDEF';
const encoder = new TextEncoder();
/** Characters Python's quote_plus leaves alone (Dashly's webhook is encoded that way, docs §1). */
const SAFE = /[A-Za-z0-9_.\-~]/u;

/** Decodes one encoded component: `+` is a space, `%XX` bytes are UTF-8; bad escapes stay literal. */
export function decodeFormComponent(text: string): string {
  const bytes: number[] = [];
  const plain = text.replace(/\+/gu, ' ');
  for (let i = 0; i < plain.length;) {
    if (plain[i] === '%' && /^[0-9A-Fa-f]{2}$/u.test(plain.slice(i + 1, i + 3))) {
      bytes.push(parseInt(plain.slice(i + 1, i + 3), 16));
      i += 3;
      continue;
    }
    const point = plain.codePointAt(i) ?? 0;
    const char = String.fromCodePoint(point);
    for (const byte of encoder.encode(char)) bytes.push(byte);
    i += char.length;
  }
  return new TextDecoder('utf-8').decode(new Uint8Array(bytes));
}

/** Encodes one component the way Python's `quote_plus` does: space as `+`, UTF-8 `%XX` otherwise. */
export function encodeFormComponent(text: string): string {
  let out = '';
  for (const char of text) {
    if (char === ' ') out += '+';
    else if (SAFE.test(char)) out += char;
    else for (const byte of encoder.encode(char)) out += `%${HEX[byte >> 4]!}${HEX[byte & 15]!}`;
  }
  return out;
}

/** Splits a form body into fields, keeping each field's raw text. Empty segments are dropped. */
export function parseForm(body: string): FormField[] {
  const fields: FormField[] = [];
  for (const raw of body.split('&')) {
    if (raw === '') continue;
    const eq = raw.indexOf('=');
    const name = eq === -1 ? raw : raw.slice(0, eq);
    const value = eq === -1 ? '' : raw.slice(eq + 1);
    fields.push({ name: decodeFormComponent(name), value: decodeFormComponent(value), raw });
  }
  return fields;
}

/**
 * Encodes `fields` as a form body. A field equal (name and value) to the original field at the same
 * position keeps its original bytes; others are encoded like quote_plus. The original's leading and
 * trailing whitespace is kept too.
 */
export function encodeForm(fields: readonly (readonly [string, string])[], original?: string): string {
  const before = original ? parseForm(original) : [];
  const encoded = fields.map(([name, value], index) => {
    const previous = before[index];
    if (previous && previous.name === name && previous.value === value) return previous.raw;
    return `${encodeFormComponent(name)}=${encodeFormComponent(value)}`;
  });
  const body = encoded.join('&');
  if (!original) return body;
  const lead = /^\s*/u.exec(original)?.[0] ?? '';
  const trail = /\s*$/u.exec(original)?.[0] ?? '';
  return `${lead}${body}${trail}`;
}

/** Whether text looks like a form body (for choosing an editor), not a promise that it is one. */
export function looksLikeForm(text: string, contentType: string | undefined): boolean {
  if (/urlencoded|x-www-from/iu.test(contentType ?? '')) return true;
  return /^[\w.%+\-~*]+=[^\s&]*(&[\w.%+\-~*]+=[^\s&]*)*$/u.test(text.trim());
}
