import { isLosslessNumber } from 'lossless-json';
import type { DiffChange, DiffRow, DiffStatus } from '../../model/diff.js';
import { COMPACT_STYLE, stringifyJsonStyled } from '../json-style.js';
import { numbersEqual } from './exact-number.js';

/** Bounds a diff so two huge documents cannot produce an unbounded answer. */
export interface DiffBudget {
  maxRows: number;
  maxChanges: number;
}

export const DEFAULT_BUDGET: DiffBudget = { maxRows: 20_000, maxChanges: 1_000 };

export class DiffCollector {
  readonly rows: DiffRow[] = [];
  readonly changes: DiffChange[] = [];
  truncated = false;
  changeCount = 0;

  constructor(readonly budget: DiffBudget = DEFAULT_BUDGET) {}

  row(row: DiffRow): void {
    if (this.rows.length >= this.budget.maxRows) {
      this.truncated = true;
      return;
    }
    this.rows.push(row);
  }

  change(change: DiffChange): void {
    this.changeCount++;
    if (this.changes.length >= this.budget.maxChanges) {
      this.truncated = true;
      return;
    }
    this.changes.push({
      ...change,
      left: change.left === null ? null : clip(change.left),
      right: change.right === null ? null : clip(change.right),
    });
  }
}

function clip(text: string): string {
  return text.length > 300 ? `${text.slice(0, 299)}…` : text;
}

type Kind = 'null' | 'boolean' | 'string' | 'number' | 'array' | 'object';

function kindOf(value: unknown): Kind {
  if (value === null || value === undefined) return 'null';
  if (isLosslessNumber(value) || typeof value === 'number' || typeof value === 'bigint') return 'number';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'boolean';
  if (Array.isArray(value)) return 'array';
  return 'object';
}

function numberText(value: unknown): string {
  if (isLosslessNumber(value)) return value.value;
  return String(value);
}

export function compactJson(value: unknown): string {
  return stringifyJsonStyled(value, COMPACT_STYLE);
}

/** `a.b[0]["odd key"]` */
export function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  if (/^[A-Za-z_$][\w$]*$/u.test(key)) return parent === '' ? key : `${parent}.${key}`;
  return `${parent}[${JSON.stringify(key)}]`;
}

function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  const kind = kindOf(value);
  if (kind === 'array') return (value as unknown[]).length > 0;
  if (kind === 'object') return Object.keys(value as object).length > 0;
  return false;
}

function leavesEqual(left: unknown, right: unknown): boolean {
  const kind = kindOf(left);
  if (kind !== kindOf(right)) return false;
  if (kind === 'number') return numbersEqual(numberText(left), numberText(right));
  if (kind === 'array' || kind === 'object') return compactJson(left) === compactJson(right);
  return left === right;
}

function entriesOf(value: Record<string, unknown> | unknown[]): [string | number, unknown][] {
  return Array.isArray(value) ? value.map((item, index) => [index, item]) : Object.entries(value);
}

function labelFor(key: string | number | null): string {
  return typeof key === 'string' ? `${JSON.stringify(key)}: ` : '';
}

/** Rows of one side only (a subtree that the other side lacks), the first one starting with `label`. */
function oneSide(
  out: DiffCollector,
  side: 'left' | 'right',
  value: unknown,
  label: string,
  indent: number,
  path: string,
): void {
  const status: DiffStatus = side === 'left' ? 'removed' : 'added';
  const put = (text: string, depth: number, at: string) =>
    out.row({
      status,
      indent: depth,
      path: at,
      left: side === 'left' ? text : null,
      right: side === 'right' ? text : null,
    });
  const walk = (item: unknown, label: string, depth: number, at: string): void => {
    if (out.truncated) return;
    if (!isContainer(item)) {
      put(`${label}${compactJson(item)}`, depth, at);
      return;
    }
    const array = Array.isArray(item);
    put(`${label}${array ? '[' : '{'}`, depth, at);
    for (const [childKey, child] of entriesOf(item))
      walk(child, labelFor(array ? null : childKey), depth + 1, childPath(at, childKey));
    put(array ? ']' : '}', depth, at);
  };
  walk(value, label, indent, path);
}

/**
 * Compares two JSON values (from a lossless parse) structurally and writes side-by-side rows:
 * object members are matched by key (order does not matter; the left side's order is shown),
 * array items by index, numbers by exact value.
 */
export function diffJsonValues(
  out: DiffCollector,
  left: unknown,
  right: unknown,
  key: string | number | null = null,
  indent = 0,
  path = '',
  labelOverride?: string,
): void {
  if (out.truncated && out.rows.length >= out.budget.maxRows) return;
  const label = labelOverride ?? labelFor(key);
  const leftKind = kindOf(left);
  const rightKind = kindOf(right);
  // Same kind of container with something in it on either side: compare member by member.
  const bothContainers =
    leftKind === rightKind &&
    (leftKind === 'array' || leftKind === 'object') &&
    (isContainer(left) || isContainer(right));
  if (!bothContainers) {
    if (isContainer(left) || isContainer(right)) {
      out.change({ path, status: 'changed', left: compactJson(left), right: compactJson(right) });
      oneSide(out, 'left', left, label, indent, path);
      oneSide(out, 'right', right, label, indent, path);
      return;
    }
    const equal = leavesEqual(left, right);
    if (!equal) out.change({ path, status: 'changed', left: compactJson(left), right: compactJson(right) });
    out.row({
      status: equal ? 'same' : 'changed',
      indent,
      path,
      left: `${label}${compactJson(left)}`,
      right: `${label}${compactJson(right)}`,
    });
    return;
  }
  const array = leftKind === 'array';
  out.row({
    status: 'same',
    indent,
    path,
    left: `${label}${array ? '[' : '{'}`,
    right: `${label}${array ? '[' : '{'}`,
  });
  if (array) {
    const a = left as unknown[];
    const b = right as unknown[];
    for (let index = 0; index < Math.max(a.length, b.length); index++) {
      const at = childPath(path, index);
      if (index >= b.length) {
        out.change({ path: at, status: 'removed', left: compactJson(a[index]), right: null });
        oneSide(out, 'left', a[index], '', indent + 1, at);
      } else if (index >= a.length) {
        out.change({ path: at, status: 'added', left: null, right: compactJson(b[index]) });
        oneSide(out, 'right', b[index], '', indent + 1, at);
      } else diffJsonValues(out, a[index], b[index], null, indent + 1, at);
    }
  } else {
    const a = left as Record<string, unknown>;
    const b = right as Record<string, unknown>;
    for (const [childKey, child] of Object.entries(a)) {
      const at = childPath(path, childKey);
      if (Object.hasOwn(b, childKey)) diffJsonValues(out, child, b[childKey], childKey, indent + 1, at);
      else {
        out.change({ path: at, status: 'removed', left: compactJson(child), right: null });
        oneSide(out, 'left', child, labelFor(childKey), indent + 1, at);
      }
    }
    for (const [childKey, child] of Object.entries(b)) {
      if (Object.hasOwn(a, childKey)) continue;
      const at = childPath(path, childKey);
      out.change({ path: at, status: 'added', left: null, right: compactJson(child) });
      oneSide(out, 'right', child, labelFor(childKey), indent + 1, at);
    }
  }
  const close = array ? ']' : '}';
  out.row({ status: 'same', indent, path, left: close, right: close });
}
