/**
 * Turns what a user typed into a safe FTS5 query: every whitespace-separated word becomes a quoted
 * prefix term, all of them required. User text is never interpreted as FTS5 syntax.
 */
export function ftsQuery(input: string): string | null {
  const terms = input
    .split(/\s+/u)
    .map((word) => word.replace(/[\p{P}\p{S}]+/gu, ' ').trim())
    .flatMap((word) => word.split(/\s+/u))
    .filter((word) => word.length > 0)
    .slice(0, 16);
  if (terms.length === 0) return null;
  return terms.map((term) => `"${term.replaceAll('"', '""')}"*`).join(' ');
}
