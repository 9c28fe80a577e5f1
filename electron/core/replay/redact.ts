import type { HeaderList } from '../../../shared/model/http.js';
import { encodeForm, parseForm } from '../../../shared/replay/form-codec.js';
import { decodeText } from '../util/text.js';
import { redactJsonMembers } from './redact-json.js';

export const REDACTED = '[REDACTED]';

export interface Redacted {
  headers: HeaderList;
  path: string;
  body: Buffer;
  /** What was replaced, e.g. `header:Authorization`, `field:token`, `json:token`, `query:token`. */
  redacted: string[];
}

export function redactHeaders(headers: HeaderList, names: ReadonlySet<string>, found: string[]): HeaderList {
  return headers.map(([name, value]) => {
    if (!names.has(name.toLowerCase())) return [name, value];
    found.push(`header:${name}`);
    return [name, REDACTED];
  });
}

function redactFields(
  text: string,
  names: ReadonlySet<string>,
  kind: string,
  found: string[],
): string | null {
  const fields = parseForm(text);
  if (!fields.some((field) => names.has(field.name.toLowerCase()))) return null;
  const replaced = fields.map((field): [string, string] => {
    if (!names.has(field.name.toLowerCase())) return [field.name, field.value];
    found.push(`${kind}:${field.name}`);
    return [field.name, REDACTED];
  });
  return encodeForm(replaced, text);
}

/** A JSON body's members or a urlencoded body's fields by name; null when nothing was replaced. */
function redactBodyText(text: string, names: ReadonlySet<string>, found: string[]): string | null {
  const start = text.trimStart();
  if (start.startsWith('{') || start.startsWith('[')) return redactJsonMembers(text, names, REDACTED, found);
  if (start !== '' && text.includes('=')) return redactFields(text, names, 'field', found);
  return null;
}

/**
 * Replaces secret values with `[REDACTED]`: headers by name, form fields of a urlencoded body,
 * members of a JSON body (at any depth) and query parameters by name (any case); everything else
 * keeps its exact bytes. Content-Length follows a body that changed.
 */
export function redactRequest(
  request: { headers: HeaderList; path: string; body: Buffer },
  names: ReadonlySet<string>,
): Redacted {
  const found: string[] = [];
  let headers = redactHeaders(request.headers, names, found);
  let path = request.path;
  const queryIndex = path.indexOf('?');
  if (queryIndex !== -1) {
    const query = redactFields(path.slice(queryIndex + 1), names, 'query', found);
    if (query !== null) path = `${path.slice(0, queryIndex)}?${query}`;
  }
  let body = request.body;
  const text = body.length > 0 ? decodeText(body) : null;
  const redactedText = text === null ? null : redactBodyText(text, names, found);
  if (redactedText !== null) {
    body = Buffer.from(redactedText, 'utf8');
    headers = headers.map(([name, value]) =>
      name.toLowerCase() === 'content-length' ? [name, String(body.length)] : [name, value],
    );
  }
  return { headers, path, body, redacted: found };
}

/**
 * A capture as an export writes it: the request redacted as `redactRequest` does, then the
 * response's headers by name. With `names` null everything stays as captured.
 */
export function redactCapture(
  capture: { headers: HeaderList; path: string; body: Buffer; response: { headers: HeaderList } | null },
  names: ReadonlySet<string> | null,
): Redacted & { responseHeaders: HeaderList } {
  const { headers, path, body } = capture;
  const responseHeaders = capture.response?.headers ?? [];
  if (!names) return { headers, path, body, redacted: [], responseHeaders };
  const request = redactRequest({ headers, path, body }, names);
  return { ...request, responseHeaders: redactHeaders(responseHeaders, names, request.redacted) };
}

export function redactionNames(defaults: readonly string[], extra: readonly string[]): Set<string> {
  return new Set(
    [...defaults, ...extra].map((name) => name.trim().toLowerCase()).filter((name) => name !== ''),
  );
}
