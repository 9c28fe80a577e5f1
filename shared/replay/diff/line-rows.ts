import { diffArrays } from 'diff';
import type { DiffCollector } from './json-rows.js';

/** Past this many differing lines the alignment is not worth computing; both sides are listed. */
const MAX_EDIT_LENGTH = 4000;

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/** Shows a carriage return so that CRLF against LF is a visible difference. */
function show(line: string): string {
  return line.endsWith('\r') ? `${line.slice(0, -1)}␍` : line;
}

/**
 * A line diff as side-by-side rows: unchanged lines on both sides, a removed run next to the added
 * run that replaced it (as `changed` rows), the rest as `removed` or `added`.
 */
export function diffTextLines(out: DiffCollector, left: string, right: string): void {
  const a = splitLines(left);
  const b = splitLines(right);
  const parts = diffArrays(a, b, { maxEditLength: MAX_EDIT_LENGTH }) ?? [
    { value: a, removed: true, added: false, count: a.length },
    { value: b, removed: false, added: true, count: b.length },
  ];
  let pendingRemoved: string[] = [];
  const flushRemoved = (added: string[]) => {
    const pairs = Math.max(pendingRemoved.length, added.length);
    for (let i = 0; i < pairs; i++) {
      const l = pendingRemoved[i];
      const r = added[i];
      if (l !== undefined && r !== undefined) {
        out.row({ status: 'changed', indent: 0, path: '', left: show(l), right: show(r) });
        out.changeCount++;
      } else if (l !== undefined) {
        out.row({ status: 'removed', indent: 0, path: '', left: show(l), right: null });
        out.changeCount++;
      } else if (r !== undefined) {
        out.row({ status: 'added', indent: 0, path: '', left: null, right: show(r) });
        out.changeCount++;
      }
    }
    pendingRemoved = [];
  };
  for (const part of parts) {
    if (part.removed) {
      pendingRemoved.push(...part.value);
    } else if (part.added) {
      flushRemoved(part.value);
    } else {
      flushRemoved([]);
      for (const line of part.value)
        out.row({ status: 'same', indent: 0, path: '', left: show(line), right: show(line) });
    }
  }
  flushRemoved([]);
}
