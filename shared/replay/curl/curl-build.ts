import type { HeaderList } from '../../model/http.js';
import { textOf } from '../bytes.js';

export interface CurlRequest {
  method: string;
  url: string;
  headers: HeaderList;
  body: Uint8Array;
}

export interface BuiltCurl {
  command: string;
  /** Set when the body is binary: the command reads it from this file, which must be saved first. */
  bodyFile: string | null;
  notes: string[];
}

/** Quotes a word for POSIX shells: plain single quotes, or $'…' when it holds control characters. */
export function shellQuote(text: string): string {
  if (text !== '' && /^[A-Za-z0-9_\-./:=@%+,]+$/u.test(text)) return text;
  // eslint-disable-next-line no-control-regex
  if (!/[\u0000-\u001f\u007f]/u.test(text.replace(/\n/gu, ''))) return `'${text.replace(/'/gu, `'\\''`)}'`;
  let out = "$'";
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (char === '\\') out += '\\\\';
    else if (char === "'") out += "\\'";
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (char === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += char;
  }
  return `${out}'`;
}

/** Headers curl would add or compute itself, and those that make no sense to copy. */
const SKIPPED = new Set(['content-length', 'host', 'transfer-encoding', 'connection', 'expect']);

/**
 * A cURL command that sends exactly this request: method, URL, every header in order (duplicates
 * kept), and the exact body (`--data-raw`, which sends the bytes as they are). A binary body is
 * read with `--data-binary @file`; the caller offers that file. Headers curl adds by itself that
 * the request does not have (Content-Type with a body) are switched off with `-H 'Name:'`.
 */
export function buildCurl(request: CurlRequest, options: { bodyFileName?: string } = {}): BuiltCurl {
  const parts: string[] = ['curl'];
  const notes: string[] = [];
  const hasBody = request.body.length > 0;
  const method = request.method.toUpperCase();
  if (!(method === 'GET' && !hasBody) && !(method === 'POST' && hasBody))
    parts.push(`-X ${shellQuote(method)}`);
  parts.push(shellQuote(request.url));
  for (const [name, value] of request.headers) {
    if (SKIPPED.has(name.toLowerCase())) continue;
    parts.push(`-H ${shellQuote(value === '' ? `${name};` : `${name}: ${value}`)}`);
  }
  const hasContentType = request.headers.some(([name]) => name.toLowerCase() === 'content-type');
  if (hasBody && !hasContentType) parts.push(`-H ${shellQuote('Content-Type:')}`);
  let bodyFile: string | null = null;
  if (hasBody) {
    const text = textOf(request.body);
    if (text !== null) parts.push(`--data-raw ${shellQuote(text)}`);
    else {
      bodyFile = options.bodyFileName ?? 'body.bin';
      parts.push(`--data-binary @${shellQuote(bodyFile)}`);
      notes.push(
        `The body is binary (${request.body.length} bytes): save it as ${bodyFile} next to where you run the command.`,
      );
    }
  }
  return { command: parts.join(' \\\n  '), bodyFile, notes };
}
