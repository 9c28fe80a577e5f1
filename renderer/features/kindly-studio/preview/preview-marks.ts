import { createContext, useContext } from 'react';
import { isWithin, parseJsonPath, worstWithin, type Finding } from '../model/findings.js';

/** The findings a preview marks its parts with (a red edge on a button with an error, …). */
export const PreviewFindings = createContext<readonly Finding[]>([]);

/**
 * `mark(path, ownParts)`: the class for the preview part at `path`, by its worst finding. Findings
 * inside `ownParts` (a card's `buttons`, a form's `fields`) are left to those parts' own marks, so
 * one problem draws one outline.
 */
export function usePreviewMarks(): (path: string, ownParts?: readonly string[]) => string {
  const findings = useContext(PreviewFindings);
  return (path, ownParts = []) => {
    if (findings.length === 0) return '';
    const segments = parseJsonPath(path);
    const relevant = findings.filter(
      (finding) => !ownParts.some((part) => isWithin(finding.segments, [...segments, part])),
    );
    const worst = worstWithin(relevant, segments);
    return worst && worst !== 'note' ? `kp-mark-${worst}` : '';
  };
}
