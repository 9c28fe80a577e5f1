import { parse as parseLossless } from 'lossless-json';

export type BodyKind = 'empty' | 'json' | 'form' | 'text' | 'binary';

export interface DecodedBody {
  bytes: Uint8Array;
  kind: BodyKind;
  text: string | null;
  /** Parsed JSON with numbers kept exact (LosslessNumber), when kind is json. */
  json?: unknown;
  /** Decoded form fields in order, when kind is form. */
  form?: [string, string][];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function toText(bytes: Uint8Array): string | null {
  try {
    const text = utf8.decode(bytes);
    // eslint-disable-next-line no-control-regex
    return /[\u0000-\u0008\u000e-\u001a]/u.test(text.slice(0, 4096)) ? null : text;
  } catch {
    return null;
  }
}

export function parseJsonExact(text: string): unknown {
  return parseLossless(text);
}

/** Decides how to show a body: JSON tree, form fields, text or hex. */
export function decodeBody(base64: string, contentType: string | undefined): DecodedBody {
  const bytes = base64ToBytes(base64);
  if (bytes.length === 0) return { bytes, kind: 'empty', text: '' };
  const text = toText(bytes);
  if (text === null) return { bytes, kind: 'binary', text: null };
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[') || /json/iu.test(contentType ?? '')) {
    try {
      return { bytes, kind: 'json', text, json: parseJsonExact(text) };
    } catch {
      // Not JSON after all; fall through.
    }
  }
  if (
    /urlencoded|x-www-from/iu.test(contentType ?? '') ||
    /^[\w.%+-]+=[^\s]*(&[\w.%+-]+=[^\s]*)*$/u.test(text.trim())
  ) {
    try {
      return { bytes, kind: 'form', text, form: [...new URLSearchParams(text.trim()).entries()] };
    } catch {
      // Fall through to text.
    }
  }
  return { bytes, kind: 'text', text };
}

export function headerValue(headers: [string, string][], name: string): string | undefined {
  const lower = name.toLowerCase();
  return headers.find(([key]) => key.toLowerCase() === lower)?.[1];
}
