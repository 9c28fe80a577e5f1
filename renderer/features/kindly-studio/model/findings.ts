import type { KindlyIssue, KindlyValidation } from '../../../../shared/kindly/validation-result.js';
import type { JsonPathDiagnostic } from '../../../components/json-editor.js';

export type FindingSeverity = 'error' | 'warning' | 'note';

export interface Finding extends KindlyIssue {
  severity: FindingSeverity;
}

/** Every finding in one list: errors, then warnings, then notes, each in the validator's order. */
export function flattenFindings(validation: KindlyValidation): Finding[] {
  return [
    ...validation.errors.map((issue) => ({ ...issue, severity: 'error' as const })),
    ...validation.warnings.map((issue) => ({ ...issue, severity: 'warning' as const })),
    ...validation.notes.map((issue) => ({ ...issue, severity: 'note' as const })),
  ];
}

/** The JSON editor's inline marks; JSON syntax errors are the editor's own, so they are left out. */
export function findingsAsDiagnostics(findings: readonly Finding[]): JsonPathDiagnostic[] {
  return findings
    .filter((finding) => finding.code !== 'json.syntax')
    .map((finding) => ({
      path: finding.segments,
      severity: finding.severity === 'note' ? 'info' : finding.severity,
      message: finding.message,
    }));
}

/** Whether `path` is `prefix` or lies inside it (`form.fields[1].texts` is inside `form.fields[1]`). */
export function isWithin(path: readonly (string | number)[], prefix: readonly (string | number)[]): boolean {
  return prefix.length <= path.length && prefix.every((segment, index) => path[index] === segment);
}

/** The worst severity among findings at or inside `prefix`, for marking a builder block or preview part. */
export function worstWithin(
  findings: readonly Finding[],
  prefix: readonly (string | number)[],
): FindingSeverity | null {
  let worst: FindingSeverity | null = null;
  for (const finding of findings) {
    if (!isWithin(finding.segments, prefix)) continue;
    if (finding.severity === 'error') return 'error';
    if (finding.severity === 'warning') worst = 'warning';
    else worst ??= 'note';
  }
  return worst;
}

/** Findings exactly at `path` (shown under the input that edits it). */
export function findingsAt(findings: readonly Finding[], path: readonly (string | number)[]): Finding[] {
  return findings.filter(
    (finding) =>
      finding.segments.length === path.length &&
      finding.segments.every((segment, index) => segment === path[index]),
  );
}

/** "2 errors · 1 warning", or "Kindly would accept it" when there is nothing to fix. */
export function summarizeFindings(validation: KindlyValidation): string {
  const parts: string[] = [];
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (validation.errors.length) parts.push(count(validation.errors.length, 'error'));
  if (validation.warnings.length) parts.push(count(validation.warnings.length, 'warning'));
  if (validation.notes.length) parts.push(count(validation.notes.length, 'note'));
  if (validation.errors.length === 0 && validation.warnings.length === 0) {
    return ['Kindly would accept it', ...parts].join(' · ');
  }
  return parts.join(' · ');
}

/** `image_carousel[0].buttons[1]` (as formatJsonPath writes it) back to segments. */
export function parseJsonPath(path: string): (string | number)[] {
  const segments: (string | number)[] = [];
  const pattern = /([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/gu;
  for (const match of path.matchAll(pattern)) {
    if (match[1] !== undefined) segments.push(match[1]);
    else if (match[2] !== undefined) segments.push(Number(match[2]));
    else if (match[3] !== undefined) segments.push(JSON.parse(match[3]) as string);
  }
  return segments;
}
