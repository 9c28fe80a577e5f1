import type { HeaderDiff, HeaderDiffRow } from '../../model/diff.js';
import type { HeaderList } from '../../model/http.js';

function group(
  headers: HeaderList,
  ignored: ReadonlySet<string>,
): Map<string, { name: string; values: string[] }> {
  const groups = new Map<string, { name: string; values: string[] }>();
  for (const [name, value] of headers) {
    const lower = name.toLowerCase();
    if (ignored.has(lower)) continue;
    const entry = groups.get(lower);
    if (entry) entry.values.push(value);
    else groups.set(lower, { name, values: [value] });
  }
  return groups;
}

/**
 * Headers compared by name, case-insensitively; repeated headers pair up by occurrence. Rows follow
 * the left side's order, then names only the right side has.
 */
export function diffHeaders(left: HeaderList, right: HeaderList, ignore: readonly string[] = []): HeaderDiff {
  const ignored = new Set(ignore.map((name) => name.toLowerCase()));
  const a = group(left, ignored);
  const b = group(right, ignored);
  const rows: HeaderDiffRow[] = [];
  const names = [...a.keys(), ...[...b.keys()].filter((name) => !a.has(name))];
  for (const lower of names) {
    const l = a.get(lower);
    const r = b.get(lower);
    const name = l?.name ?? r?.name ?? lower;
    const count = Math.max(l?.values.length ?? 0, r?.values.length ?? 0);
    for (let i = 0; i < count; i++) {
      const lv = l?.values[i] ?? null;
      const rv = r?.values[i] ?? null;
      const status = lv === null ? 'added' : rv === null ? 'removed' : lv === rv ? 'same' : 'changed';
      rows.push({ name, status, left: lv, right: rv });
    }
  }
  return { rows, changes: rows.filter((row) => row.status !== 'same').length, ignored: [...ignored] };
}
