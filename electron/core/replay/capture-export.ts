import type { CaptureFilterInput, ExportFormat } from '../../../shared/model/replay.js';
import { ApiError } from '../api/api-error.js';
import type { Store } from '../store/store.js';
import { captureToHarEntry, harDocument } from './har.js';
import { captureToNdjson } from './ndjson.js';

export interface CaptureSelection {
  ids?: number[] | undefined;
  filter?: CaptureFilterInput | undefined;
}

export const MAX_SELECTION = 100_000;

/** Every id of a selection, oldest first, without duplicates. */
export function resolveSelection(store: Store, selection: CaptureSelection): number[] {
  if (selection.ids) return [...new Set(selection.ids)].sort((a, b) => a - b);
  const ids: number[] = [];
  let after = 0;
  for (;;) {
    const page = store.captures.listIds(selection.filter ?? {}, after, 5000);
    ids.push(...page);
    if (ids.length > MAX_SELECTION)
      throw new ApiError(
        'bad_request',
        `The filter matches more than ${MAX_SELECTION} captures; narrow it down.`,
      );
    const last = page.at(-1);
    if (last === undefined || page.length < 5000) return ids;
    after = last;
  }
}

export interface ExportPage {
  data: string;
  count: number;
  next: string | null;
}

/**
 * One page of an export: captures in id order until `maxBytes` of output or `maxCount` captures.
 * The cursor is `i:<index>` into an id list, or `a:<last id>` for a filter (so a filter is never
 * materialized whole). HAR pages are complete HAR documents; NDJSON pages concatenate.
 */
export function exportPage(
  store: Store,
  selection: CaptureSelection,
  format: ExportFormat,
  options: {
    redact: ReadonlySet<string> | null;
    cursor: string | undefined;
    maxBytes: number;
    maxCount: number;
    version: string;
  },
): ExportPage {
  const cursor = options.cursor ?? (selection.ids ? 'i:0' : 'a:0');
  const match = /^([ia]):(\d{1,15})$/u.exec(cursor);
  if (!match || (match[1] === 'i') !== Boolean(selection.ids))
    throw new ApiError(
      'bad_request',
      'The cursor does not belong to this selection; start again without one.',
    );
  const position = Number(match[2]);

  const parts: string[] = [];
  let bytes = 0;
  let next: string | null = null;
  const take = (id: number): boolean => {
    const record = store.captures.exportRecord(id);
    if (!record) return true;
    const text =
      format === 'har'
        ? JSON.stringify(captureToHarEntry(record, options.redact))
        : captureToNdjson(record, options.redact);
    parts.push(text);
    bytes += text.length;
    return parts.length < options.maxCount && bytes < options.maxBytes;
  };

  if (selection.ids) {
    const ids = selection.ids;
    let index = position;
    while (index < ids.length) {
      const more = take(ids[index]!);
      index++;
      if (!more) break;
    }
    next = index < ids.length ? `i:${index}` : null;
  } else {
    let after = position;
    outer: for (;;) {
      const page = store.captures.listIds(selection.filter ?? {}, after, 200);
      for (const id of page) {
        after = id;
        if (!take(id)) {
          next = store.captures.listIds(selection.filter ?? {}, after, 1).length > 0 ? `a:${after}` : null;
          break outer;
        }
      }
      if (page.length < 200) break;
    }
  }
  const data =
    format === 'har' ? harDocument(parts, options.version) : parts.length > 0 ? `${parts.join('\n')}\n` : '';
  return { data, count: parts.length, next };
}
