import { closestKey } from './edit-distance.js';
import type { IssueCollector } from './issue-collector.js';
import type { JsonPathSegment } from './json-path.js';

/** A key people send by mistake, with the key they meant and why. */
export type KeyHints = Readonly<Record<string, { meant: string; why: string }>>;

/**
 * Flags keys Kindly does not know. Kindly ignores them without a word, so a likely typo (a known
 * mistake, or a key close to a real one) is an error; anything else is a warning.
 */
export function checkUnknownKeys(
  issues: IssueCollector,
  object: Record<string, unknown>,
  segments: readonly JsonPathSegment[],
  known: readonly string[],
  where: string,
  options: { hints?: KeyHints; accepted?: ReadonlySet<string> } = {},
): void {
  for (const key of Object.keys(object)) {
    if (known.includes(key) || options.accepted?.has(key)) continue;
    const at = [...segments, key];
    const hint = options.hints?.[key];
    if (hint) {
      issues.error(
        at,
        'misspelled_key',
        `\`${key}\` is not a key of ${where}; did you mean \`${hint.meant}\`? ${hint.why}`,
      );
      continue;
    }
    const suggestion = closestKey(key, known);
    if (suggestion) {
      issues.error(
        at,
        'misspelled_key',
        `Unknown key \`${key}\` in ${where}; did you mean \`${suggestion}\`? Kindly ignores unknown keys, so this would be lost silently.`,
      );
    } else {
      issues.warning(at, 'unknown_key', `Unknown key \`${key}\` in ${where}; Kindly ignores it.`);
    }
  }
}
