import http from 'node:http';
import { NOTE_MAX_LENGTH } from '../../../shared/contract/methods/captures.js';
import type { HeaderList } from '../../../shared/model/http.js';
import { encodeForm, parseForm } from '../../../shared/replay/form-codec.js';
import type { CaptureExportRecord } from '../store/capture-repository.js';
import { headerValue } from '../util/headers.js';
import { decodeBase64Strict, ImportProblem, type CaptureBytes } from './capture-bytes.js';
import { redactCapture } from './redact.js';

/**
 * HAR 1.2 export and import. Standard fields carry the request and response as any HAR tool reads
 * them; `_convoscope` (custom fields are allowed by the spec) carries what HAR cannot: the exact
 * path, whether the body was cut, the tunnel flag. Bodies that are not UTF-8 are base64 with
 * `encoding: "base64"` (responses, standard) or `_encoding: "base64"` (requests, custom).
 */

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function utf8OrNull(bytes: Buffer): string | null {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

function nameValues(headers: HeaderList): { name: string; value: string }[] {
  return headers.map(([name, value]) => ({ name, value }));
}

function bodyText(bytes: Buffer): { text: string; base64: boolean } {
  const text = utf8OrNull(bytes);
  return text === null ? { text: bytes.toString('base64'), base64: true } : { text, base64: false };
}

export function captureToHarEntry(record: CaptureExportRecord, redact: ReadonlySet<string> | null): unknown {
  const { headers, path, body, redacted, responseHeaders } = redactCapture(record, redact);
  const host = headerValue(headers, 'host') ?? 'localhost';
  const scheme = record.viaTunnel ? 'https' : 'http';
  const queryIndex = path.indexOf('?');
  const query = queryIndex === -1 ? [] : parseForm(path.slice(queryIndex + 1));
  const requestBody = body.length > 0 ? bodyText(body) : null;
  const latency = record.response?.latencyMs ?? 0;
  const response = record.response;
  const responseBody = response && response.body.length > 0 ? bodyText(response.body) : null;
  return {
    startedDateTime: new Date(record.receivedAt).toISOString(),
    time: Math.max(0, latency),
    request: {
      method: record.method,
      url: `${scheme}://${host}${path.startsWith('/') ? path : `/${path}`}`,
      httpVersion: `HTTP/${record.httpVersion}`,
      cookies: [],
      headers: nameValues(headers),
      queryString: query.map((field) => ({ name: field.name, value: field.value })),
      ...(requestBody
        ? {
            postData: {
              mimeType: headerValue(headers, 'content-type') ?? 'application/octet-stream',
              text: requestBody.text,
              ...(requestBody.base64 ? { _encoding: 'base64' } : {}),
            },
          }
        : {}),
      headersSize: -1,
      bodySize: body === record.body ? record.bodySize : body.length,
    },
    response: response
      ? {
          status: response.status,
          statusText: http.STATUS_CODES[response.status] ?? '',
          httpVersion: 'HTTP/1.1',
          cookies: [],
          headers: nameValues(responseHeaders),
          content: {
            size: response.size,
            mimeType: headerValue(response.headers, 'content-type') ?? '',
            ...(responseBody ? { text: responseBody.text } : {}),
            ...(responseBody?.base64 ? { encoding: 'base64' } : {}),
            ...(response.truncated ? { _truncated: true } : {}),
          },
          redirectURL: headerValue(response.headers, 'location') ?? '',
          headersSize: -1,
          bodySize: response.size,
          _source: response.source,
        }
      : {
          status: 0,
          statusText: '',
          httpVersion: '',
          cookies: [],
          headers: [],
          content: { size: 0, mimeType: '' },
          redirectURL: '',
          headersSize: -1,
          bodySize: -1,
          _error: 'No response was sent (yet).',
        },
    cache: {},
    timings: { send: 0, wait: Math.max(0, latency), receive: 0 },
    // HAR's own field for a note on an entry.
    ...(record.note !== null ? { comment: record.note } : {}),
    _convoscope: {
      id: record.id,
      path,
      httpVersion: record.httpVersion,
      provider: record.provider,
      viaTunnel: record.viaTunnel,
      remoteAddress: record.remoteAddress,
      bodyTruncated: record.bodyTruncated,
      ...(record.origin ? { origin: record.origin } : {}),
      ...(record.starred ? { starred: true } : {}),
      ...(redacted.length > 0 ? { redacted } : {}),
    },
  };
}

export function harDocument(entriesJson: string[], version: string): string {
  const head = JSON.stringify({
    version: '1.2',
    creator: { name: 'Convoscope', version },
    pages: [],
  }).slice(0, -1);
  return `{"log":${head},"entries":[${entriesJson.join(',')}]}}`;
}

// ---- import ----

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function readHeaders(value: unknown, what: string): HeaderList {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new ImportProblem(`${what} is not a list.`);
  const headers: HeaderList = [];
  let authority: string | undefined;
  for (const item of value) {
    if (!isRecord(item) || typeof item.name !== 'string' || typeof item.value !== 'string')
      throw new ImportProblem(`${what} has an entry without a name and value.`);
    // HTTP/2 pseudo-headers (from browser HARs) are not headers on the wire.
    if (item.name.startsWith(':')) {
      if (item.name === ':authority') authority = item.value;
      continue;
    }
    headers.push([item.name, item.value]);
  }
  if (authority !== undefined && headerValue(headers, 'host') === undefined)
    headers.unshift(['Host', authority]);
  return headers;
}

function readText(text: unknown, base64: boolean, what: string): Buffer {
  if (typeof text !== 'string') return Buffer.alloc(0);
  return base64 ? decodeBase64Strict(text, what) : Buffer.from(text, 'utf8');
}

function pathOf(url: string, custom: unknown): string {
  if (typeof custom === 'string' && custom.startsWith('/')) return custom;
  const match = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*([^#]*)/iu.exec(url);
  if (match)
    return match[1] === '' || match[1] === undefined
      ? '/'
      : match[1].startsWith('/')
        ? match[1]
        : `/${match[1]}`;
  if (url.startsWith('/')) return url;
  throw new ImportProblem(`request.url "${url.slice(0, 100)}" is not an absolute URL.`);
}

function httpVersionOf(text: string | undefined): string {
  if (!text) return '1.1';
  const lower = text.toLowerCase();
  if (lower === 'h2' || lower === 'http/2' || lower === 'http/2.0') return '2.0';
  if (lower === 'h3' || lower === 'http/3' || lower === 'http/3.0') return '3.0';
  const match = /^http\/(\d(?:\.\d)?)$/iu.exec(text);
  return match?.[1] ?? '1.1';
}

/** One HAR entry as a capture; throws ImportProblem. Reads HARs from any tool, not only ours. */
export function harEntryToCapture(entry: unknown): CaptureBytes {
  if (!isRecord(entry)) throw new ImportProblem('not an object');
  const request = entry.request;
  if (!isRecord(request)) throw new ImportProblem('request is missing');
  const method = str(request.method);
  const url = str(request.url);
  if (!method || !/^[A-Za-z]{1,64}$/u.test(method))
    throw new ImportProblem('request.method is missing or invalid');
  if (url === undefined) throw new ImportProblem('request.url is missing');
  const custom = isRecord(entry._convoscope) ? entry._convoscope : {};
  const headers = readHeaders(request.headers, 'request.headers');

  let body: Buffer = Buffer.alloc(0);
  const postData = request.postData;
  if (isRecord(postData)) {
    if (typeof postData.text === 'string') {
      const base64 = postData._encoding === 'base64' || postData.encoding === 'base64';
      body = readText(postData.text, base64, 'request.postData.text');
    } else if (Array.isArray(postData.params)) {
      const fields = postData.params
        .filter(isRecord)
        .map((param): [string, string] => [str(param.name) ?? '', str(param.value) ?? '']);
      body = Buffer.from(encodeForm(fields), 'utf8');
    }
  }
  const bodyTruncated = custom.bodyTruncated === true;
  const declaredSize = num(request.bodySize);
  const receivedAt = Date.parse(str(entry.startedDateTime) ?? '');

  let response: CaptureBytes['response'] = null;
  const res = entry.response;
  if (isRecord(res) && (num(res.status) ?? 0) > 0) {
    const content = isRecord(res.content) ? res.content : {};
    const responseBody = readText(content.text, content.encoding === 'base64', 'response.content.text');
    const truncated = content._truncated === true;
    response = {
      status: Math.trunc(num(res.status) ?? 0),
      headers: readHeaders(res.headers, 'response.headers'),
      body: responseBody,
      size: truncated ? Math.max(num(content.size) ?? 0, responseBody.length) : responseBody.length,
      truncated,
      latencyMs: num(entry.time) ?? null,
      source: str(res._source) ?? 'imported',
    };
  }
  return {
    receivedAt: Number.isFinite(receivedAt) ? receivedAt : Date.now(),
    method: method.toUpperCase(),
    path: pathOf(url, custom.path),
    httpVersion: str(custom.httpVersion) ?? httpVersionOf(str(request.httpVersion)),
    remoteAddress: str(custom.remoteAddress) ?? null,
    viaTunnel: custom.viaTunnel === true,
    headers,
    body,
    bodySize: bodyTruncated && declaredSize !== undefined ? Math.max(declaredSize, body.length) : body.length,
    bodyTruncated,
    response,
    starred: custom.starred === true,
    note:
      typeof entry.comment === 'string' && entry.comment.trim() !== ''
        ? entry.comment.slice(0, NOTE_MAX_LENGTH)
        : null,
  };
}

/** Reads a HAR document; entries that cannot be read are reported, not fatal. */
export function parseHar(text: string): {
  entries: { index: number; capture: CaptureBytes }[];
  errors: { at: string; message: string }[];
} {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new ImportProblem('The file is not valid JSON, so it is not a HAR file.');
  }
  if (!isRecord(doc) || !isRecord(doc.log) || !Array.isArray(doc.log.entries))
    throw new ImportProblem('Not a HAR file: it has no log.entries list.');
  const entries: { index: number; capture: CaptureBytes }[] = [];
  const errors: { at: string; message: string }[] = [];
  doc.log.entries.forEach((entry, index) => {
    try {
      entries.push({ index, capture: harEntryToCapture(entry) });
    } catch (error) {
      errors.push({
        at: `entry ${index + 1}`,
        message: error instanceof ImportProblem ? error.message : `unreadable (${String(error)})`,
      });
    }
  });
  return { entries, errors };
}
