/**
 * A response as the editors hold it (text in fields) and its conversion to the API's
 * `{status?, headers?, body}`: rule and fallback bodies, and the operator's answer to a hold.
 */
import { isLosslessNumber, isSafeNumber, parse as parseLossless } from 'lossless-json';
import type { ResponseSpecInput } from '../../shared/model/endpoint.js';
import type { FieldProblem } from './field-problems.js';

export type BodyMode = 'json' | 'text';

export interface ResponseDraft {
  /** As typed; empty means the default, 200. */
  status: string;
  headers: [string, string][];
  bodyMode: BodyMode;
  bodyText: string;
}

export interface ResponseSource {
  status?: number | undefined;
  headers?: [string, string][] | Record<string, string> | undefined;
  body: unknown;
}

export function emptyResponseDraft(body = '{}'): ResponseDraft {
  return { status: '200', headers: [], bodyMode: 'json', bodyText: body };
}

export function responseDraftFrom(spec: ResponseSource): ResponseDraft {
  const headers = Array.isArray(spec.headers)
    ? spec.headers.map(([name, value]): [string, string] => [name, value])
    : Object.entries(spec.headers ?? {});
  return typeof spec.body === 'string'
    ? { status: String(spec.status ?? 200), headers, bodyMode: 'text', bodyText: spec.body }
    : {
        status: String(spec.status ?? 200),
        headers,
        bodyMode: 'json',
        bodyText: JSON.stringify(spec.body ?? null, null, 2),
      };
}

/** The first number in this (valid) JSON text that a JavaScript number cannot hold exactly, if any. */
export function firstUnsafeNumber(text: string): string | null {
  let found: string | null = null;
  parseLossless(text, (_key, value) => {
    if (found === null && isLosslessNumber(value) && !isSafeNumber(value.value)) found = value.value;
    return value;
  });
  return found;
}

function hasHeader(headers: [string, string][], name: string): boolean {
  const lower = name.toLowerCase();
  return headers.some(([key]) => key.trim().toLowerCase() === lower);
}

export interface ConvertedResponse {
  spec: ResponseSpecInput | null;
  problems: FieldProblem[];
}

/**
 * Checks and converts a draft. `at` prefixes problem paths (`rules.0.response`). With `exact`, a JSON
 * body is sent as the very text typed (with a JSON Content-Type): the operator's answer reaches the
 * sender byte for byte. Without it, JSON is parsed so that placeholders in strings work as templates.
 */
export function responseFromDraft(
  draft: ResponseDraft,
  at: string,
  options: { exact?: boolean } = {},
): ConvertedResponse {
  const problems: FieldProblem[] = [];
  const statusText = draft.status.trim();
  let status: number | undefined;
  if (statusText !== '') {
    status = Number(statusText);
    if (!Number.isInteger(status) || status < 200 || status > 599) {
      problems.push({ path: `${at}.status`, message: 'A status is a whole number from 200 to 599.' });
      status = undefined;
    }
  }
  const headers: [string, string][] = [];
  draft.headers.forEach(([name, value], index) => {
    if (name.trim() === '' && value === '') return;
    if (!/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/u.test(name.trim()))
      problems.push({ path: `${at}.headers.${index}`, message: `"${name}" is not a valid header name.` });
    if (/[\r\n\0]/u.test(value))
      problems.push({ path: `${at}.headers.${index}`, message: 'Header values cannot contain line breaks.' });
    headers.push([name.trim(), value]);
  });
  let body: unknown;
  if (draft.bodyMode === 'json') {
    if (draft.bodyText.trim() === '') {
      problems.push({
        path: `${at}.body`,
        message: 'The body is empty: write JSON, e.g. {}, or switch to text.',
      });
    } else {
      try {
        const parsed: unknown = JSON.parse(draft.bodyText);
        body = options.exact ? draft.bodyText : parsed;
        // Sent as typed, big numbers survive; parsed (for templates), they would be rounded silently.
        const unsafe = options.exact ? null : firstUnsafeNumber(draft.bodyText);
        if (unsafe !== null)
          problems.push({
            path: `${at}.body`,
            message: `${unsafe} is too large to keep exactly: write it as a string ("${unsafe}").`,
          });
        if (options.exact && !hasHeader(headers, 'content-type'))
          headers.unshift(['Content-Type', 'application/json; charset=utf-8']);
      } catch (error) {
        problems.push({
          path: `${at}.body`,
          message: `Not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
        });
      }
    }
  } else {
    body = draft.bodyText;
  }
  if (problems.length > 0) return { spec: null, problems };
  return {
    spec: {
      ...(status !== undefined ? { status } : {}),
      ...(headers.length > 0 ? { headers } : {}),
      body: body as ResponseSpecInput['body'],
    },
    problems,
  };
}
