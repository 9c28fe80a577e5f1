import { z } from 'zod';
import { NOTE_MAX_LENGTH } from '../../../shared/contract/methods/captures.js';
import type { CaptureExportRecord } from '../store/capture-repository.js';
import { decodeBase64Strict, ImportProblem, type CaptureBytes } from './capture-bytes.js';
import { redactCapture } from './redact.js';

/**
 * NDJSON of raw captures: one JSON object per line, the request exactly as received (headers in
 * order with duplicates, body bytes as base64) and the response sent. Importing a line gives back
 * byte-identical headers and bodies.
 */
export const NDJSON_FORMAT = 'convoscope.capture';
export const NDJSON_VERSION = 1;

const Headers = z.array(z.tuple([z.string().max(64 * 1024), z.string().max(1024 * 1024)])).max(10_000);
const Body = z.object({
  base64: z.string(),
  size: z.number().int().nonnegative(),
  truncated: z.boolean().default(false),
});

const NdjsonCapture = z.object({
  format: z.literal(NDJSON_FORMAT),
  version: z.literal(NDJSON_VERSION),
  receivedAt: z.number().finite(),
  method: z.string().min(1).max(64),
  path: z
    .string()
    .min(1)
    .max(1024 * 1024),
  httpVersion: z.string().max(20).default('1.1'),
  remoteAddress: z.string().max(200).nullable().default(null),
  viaTunnel: z.boolean().default(false),
  starred: z.boolean().default(false),
  note: z.string().max(NOTE_MAX_LENGTH).nullable().default(null),
  headers: Headers,
  body: Body,
  response: z
    .object({
      status: z.number().int().min(0).max(999),
      headers: Headers,
      body: Body,
      latencyMs: z.number().nullable().default(null),
      source: z.string().max(50).default('imported'),
    })
    .nullable()
    .default(null),
});

export function captureToNdjson(record: CaptureExportRecord, redact: ReadonlySet<string> | null): string {
  const { headers, path, body, redacted, responseHeaders } = redactCapture(record, redact);
  const line = {
    format: NDJSON_FORMAT,
    version: NDJSON_VERSION,
    id: record.id,
    receivedAt: record.receivedAt,
    method: record.method,
    path,
    httpVersion: record.httpVersion,
    remoteAddress: record.remoteAddress,
    viaTunnel: record.viaTunnel,
    provider: record.provider,
    ...(record.origin ? { origin: record.origin } : {}),
    ...(record.starred ? { starred: true } : {}),
    ...(record.note !== null ? { note: record.note } : {}),
    headers,
    body: {
      base64: body.toString('base64'),
      size: body === record.body ? record.bodySize : body.length,
      truncated: record.bodyTruncated,
    },
    response: record.response
      ? {
          status: record.response.status,
          headers: responseHeaders,
          body: {
            base64: record.response.body.toString('base64'),
            size: record.response.size,
            truncated: record.response.truncated,
          },
          latencyMs: record.response.latencyMs,
          source: record.response.source,
        }
      : null,
    ...(redacted.length > 0 ? { redacted } : {}),
  };
  return JSON.stringify(line);
}

/** Reads one line; throws ImportProblem with a readable message. */
export function parseNdjsonLine(line: string): CaptureBytes {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new ImportProblem('not valid JSON');
  }
  const parsed = NdjsonCapture.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ImportProblem(
      issue ? `${issue.path.join('.') || 'the line'}: ${issue.message}` : 'not a Convoscope capture line',
    );
  }
  const data = parsed.data;
  const body = decodeBase64Strict(data.body.base64, 'body.base64');
  const response = data.response;
  return {
    receivedAt: data.receivedAt,
    method: data.method,
    path: data.path,
    httpVersion: data.httpVersion,
    remoteAddress: data.remoteAddress,
    viaTunnel: data.viaTunnel,
    starred: data.starred,
    note: data.note,
    headers: data.headers,
    body,
    bodySize: Math.max(data.body.size, body.length),
    bodyTruncated: data.body.truncated,
    response: response
      ? (() => {
          const responseBody = decodeBase64Strict(response.body.base64, 'response.body.base64');
          return {
            status: response.status,
            headers: response.headers,
            body: responseBody,
            size: Math.max(response.body.size, responseBody.length),
            truncated: response.body.truncated,
            latencyMs: response.latencyMs,
            source: response.source,
          };
        })()
      : null,
  };
}
