/**
 * Turns what a user typed into a safe FTS5 query: every whitespace-separated word becomes a quoted
 * prefix term, all of them required. User text is never interpreted as FTS5 syntax.
 */
export function ftsQuery(input: string): string | null {
  const terms = input
    .split(/\s+/u)
    // Punctuation and symbols are FTS5 syntax; control and unassigned code points (NUL ends a
    // string inside SQLite, lone surrogates are not text) are never part of a word.
    .map((word) => word.replace(/[\p{P}\p{S}\p{C}]+/gu, ' ').trim())
    .flatMap((word) => word.split(/\s+/u))
    .filter((word) => word.length > 0)
    .slice(0, 16);
  if (terms.length === 0) return null;
  return terms.map((term) => `"${term.replaceAll('"', '""')}"*`).join(' ');
}
