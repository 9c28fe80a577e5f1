import type { HeaderList } from '../../../shared/model/http.js';
import type { BodyInput, ReplayEdits } from '../../../shared/model/replay.js';
import { endToEndHeaders, REPLAY_DROPPED_HEADERS } from '../../../shared/replay/end-to-end-headers.js';
import { parseForm } from '../../../shared/replay/form-codec.js';

/** Headers the core sets or drops itself on every replay: not worth showing as editable. */
export function sendableHeaders(headers: HeaderList): [string, string][] {
  return endToEndHeaders(headers, REPLAY_DROPPED_HEADERS);
}

export function splitPath(path: string): { pathname: string; query: string | null } {
  const index = path.indexOf('?');
  return index === -1
    ? { pathname: path, query: null }
    : { pathname: path.slice(0, index), query: path.slice(index + 1) };
}

export function queryPairs(query: string | null): [string, string][] {
  return query === null ? [] : parseForm(query).map((field) => [field.name, field.value]);
}

function samePairs(
  a: readonly (readonly [string, string])[],
  b: readonly (readonly [string, string])[],
): boolean {
  return (
    a.length === b.length &&
    a.every(([name, value], index) => b[index]?.[0] === name && b[index]?.[1] === value)
  );
}

/** Only what differs from the capture goes into `edits`, so an untouched request replays as-is. */
export function buildEdits(
  original: { method: string; path: string; headers: HeaderList },
  edited: {
    method: string;
    pathname: string;
    query: [string, string][];
    headers: [string, string][];
    body: BodyInput | null;
  },
): ReplayEdits {
  const edits: ReplayEdits = {};
  const method = edited.method.trim().toUpperCase();
  if (method !== '' && method !== original.method.toUpperCase()) edits.method = method;
  const { pathname, query } = splitPath(original.path);
  const queryChanged = !samePairs(edited.query, queryPairs(query));
  if (edited.pathname !== pathname)
    edits.path = `${edited.pathname}${query === null || queryChanged ? '' : `?${query}`}`;
  if (queryChanged) edits.query = edited.query.filter(([name]) => name !== '');
  const headers = edited.headers.filter(([name]) => name.trim() !== '');
  if (!samePairs(headers, sendableHeaders(original.headers))) edits.headers = headers;
  if (edited.body) edits.body = edited.body;
  return edits;
}
