import type { IssueCollector } from './issue-collector.js';
import { formatJsonPath, type JsonPathSegment } from './json-path.js';
import { isPlainObject, jsonTypeName } from './reply-readers.js';

export type JsonKind = 'string' | 'number' | 'boolean' | 'object' | 'array';

interface KindTypes {
  string: string;
  number: number;
  boolean: boolean;
  object: Record<string, unknown>;
  array: unknown[];
}

const ARTICLE: Record<JsonKind, string> = {
  string: 'a string',
  number: 'a number',
  boolean: 'a boolean (true or false)',
  object: 'an object',
  array: 'an array',
};

function hasKind<K extends JsonKind>(value: unknown, kind: K): value is KindTypes[K] {
  switch (kind) {
    case 'object':
      return isPlainObject(value);
    case 'array':
      return Array.isArray(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    default:
      return typeof value === kind;
  }
}

/** `null`, `an array`, `an object`, `a string`, … for messages. */
export function describeValue(value: unknown): string {
  const type = jsonTypeName(value);
  if (type === 'null') return 'null';
  return type === 'array' || type === 'object' ? `an ${type}` : `a ${type}`;
}

/** True when `value` has the kind; otherwise records a `wrong_type` error and returns false. */
export function expectKind<K extends JsonKind>(
  issues: IssueCollector,
  value: unknown,
  segments: readonly JsonPathSegment[],
  kind: K,
  extra = '',
): value is KindTypes[K] {
  if (hasKind(value, kind)) return true;
  const name = formatJsonPath(segments) || 'The reply';
  let hint = extra;
  if (kind === 'boolean' && (value === 'true' || value === 'false'))
    hint ||= ` Write ${value} without quotes.`;
  if (
    kind === 'number' &&
    typeof value === 'string' &&
    value.trim() !== '' &&
    Number.isFinite(Number(value))
  ) {
    hint ||= ` Write ${value.trim()} without quotes.`;
  }
  issues.error(
    segments,
    'wrong_type',
    `\`${name}\` must be ${ARTICLE[kind]}, not ${describeValue(value)}.${hint}`,
  );
  return false;
}

/** Checks an optional key: absent is fine, present must have the kind. */
export function optionalKind(
  issues: IssueCollector,
  object: Record<string, unknown>,
  key: string,
  segments: readonly JsonPathSegment[],
  kind: JsonKind,
): boolean {
  if (!Object.hasOwn(object, key)) return false;
  return expectKind(issues, object[key], [...segments, key], kind);
}
