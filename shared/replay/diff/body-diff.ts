import type { BodyDiff } from '../../model/diff.js';
import { bytesEqual, textOf } from '../bytes.js';
import { looksLikeForm, parseForm, type FormField } from '../form-codec.js';
import { parseJsonExact } from '../json-style.js';
import { DiffCollector, childPath, diffJsonValues, type DiffBudget } from './json-rows.js';
import { diffTextLines } from './line-rows.js';

export interface BodySide {
  bytes: Uint8Array;
  contentType?: string | undefined;
}

function tryJson(text: string): { ok: true; value: unknown } | { ok: false } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false };
  try {
    return { ok: true, value: parseJsonExact(trimmed) };
  } catch {
    return { ok: false };
  }
}

/** A form value that holds a JSON object or array (Dashly's `conversation` field) is compared as JSON. */
function jsonField(value: string): unknown {
  const trimmed = value.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return undefined;
  const parsed = tryJson(trimmed);
  return parsed.ok ? parsed.value : undefined;
}

function keyed(fields: FormField[]): Map<string, FormField> {
  const seen = new Map<string, number>();
  const out = new Map<string, FormField>();
  for (const field of fields) {
    const n = seen.get(field.name) ?? 0;
    seen.set(field.name, n + 1);
    out.set(n === 0 ? field.name : `${field.name}#${n}`, field);
  }
  return out;
}

function diffForms(out: DiffCollector, left: string, right: string): void {
  const a = keyed(parseForm(left));
  const b = keyed(parseForm(right));
  const keys = [...a.keys(), ...[...b.keys()].filter((key) => !a.has(key))];
  for (const key of keys) {
    const l = a.get(key);
    const r = b.get(key);
    const name = (l ?? r)?.name ?? key;
    const path = childPath('', key);
    const label = `${name} = `;
    if (l && r) {
      const lj = jsonField(l.value);
      const rj = jsonField(r.value);
      if (lj !== undefined && rj !== undefined) {
        diffJsonValues(out, lj, rj, null, 0, path, label);
        continue;
      }
      const equal = l.value === r.value;
      if (!equal) out.change({ path, status: 'changed', left: l.value, right: r.value });
      out.row({
        status: equal ? 'same' : 'changed',
        indent: 0,
        path,
        left: `${label}${l.value}`,
        right: `${label}${r.value}`,
      });
    } else if (l) {
      out.change({ path, status: 'removed', left: l.value, right: null });
      out.row({ status: 'removed', indent: 0, path, left: `${label}${l.value}`, right: null });
    } else if (r) {
      out.change({ path, status: 'added', left: null, right: r.value });
      out.row({ status: 'added', indent: 0, path, left: null, right: `${label}${r.value}` });
    }
  }
}

function firstDifference(a: Uint8Array, b: Uint8Array): number | null {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return a.length === b.length ? null : n;
}

/**
 * Compares two bodies the way a person reads them: JSON structurally (key order ignored, numbers
 * exact), form bodies field by field (JSON-valued fields as JSON), other text line by line, and
 * anything else as bytes.
 */
export function diffBodies(left: BodySide, right: BodySide, budget?: DiffBudget): BodyDiff {
  const out = new DiffCollector(budget);
  const base = {
    leftSize: left.bytes.length,
    rightSize: right.bytes.length,
    firstDifference: null as number | null,
    note: null as string | null,
  };
  const finish = (kind: BodyDiff['kind'], note: string | null = null): BodyDiff => ({
    ...base,
    kind,
    note,
    equal: out.changeCount === 0,
    rows: out.rows,
    changes: out.changes,
    truncated: out.truncated,
  });
  if (left.bytes.length === 0 && right.bytes.length === 0)
    return { ...base, kind: 'empty', equal: true, rows: [], changes: [], truncated: false };

  const leftText = textOf(left.bytes);
  const rightText = textOf(right.bytes);
  if (leftText === null || rightText === null) {
    const equal = bytesEqual(left.bytes, right.bytes);
    return {
      ...base,
      kind: 'binary',
      equal,
      rows: [],
      changes: [],
      truncated: false,
      firstDifference: equal ? null : firstDifference(left.bytes, right.bytes),
      note: leftText === null && rightText === null ? null : 'One side is binary; compared as bytes.',
    };
  }

  const leftJson = tryJson(leftText);
  const rightJson = tryJson(rightText);
  if (leftJson.ok && rightJson.ok) {
    diffJsonValues(out, leftJson.value, rightJson.value);
    return finish('json');
  }
  const leftForm = looksLikeForm(leftText, left.contentType);
  const rightForm = looksLikeForm(rightText, right.contentType);
  if (leftForm && rightForm && !leftJson.ok && !rightJson.ok) {
    diffForms(out, leftText.trim(), rightText.trim());
    return finish('form');
  }
  diffTextLines(out, leftText, rightText);
  const note =
    leftJson.ok !== rightJson.ok && leftText.trim() !== '' && rightText.trim() !== ''
      ? 'Only one side is valid JSON; compared line by line.'
      : null;
  return finish('text', note);
}
