/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transpositions): `butons` → `buttons`
 * is 1, `lables` → `labels` is 1.
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let before: number[] = [];
  let previous: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current: number[] = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, (before[j - 2] ?? 0) + 1);
      }
      current.push(best);
    }
    before = previous;
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** `imageCarousel`, `Image-Carousel` and `image_carousel` all fold to `imagecarousel`. */
export function foldKey(key: string): string {
  return key.toLowerCase().replace(/[\s_-]+/gu, '');
}

/**
 * The known key an unknown one was most likely meant to be, or null. Keys that differ only in case
 * or separators match first; then the closest key within a third of its length; then a known key
 * that contains the unknown one (or the other way round) when both have a few letters.
 */
export function closestKey(unknown: string, known: readonly string[]): string | null {
  const folded = foldKey(unknown);
  if (folded === '') return null;
  const sameFold = known.find((key) => foldKey(key) === folded);
  if (sameFold) return sameFold;

  let best: string | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const key of known) {
    const distance = editDistance(folded, foldKey(key));
    const allowed = Math.max(1, Math.floor(Math.max(folded.length, foldKey(key).length) / 3));
    if (distance <= allowed && distance < bestDistance) {
      best = key;
      bestDistance = distance;
    }
  }
  if (best) return best;
  if (folded.length >= 5) {
    return (
      known.find((key) => {
        const knownFolded = foldKey(key);
        return knownFolded.length >= 4 && (knownFolded.includes(folded) || folded.includes(knownFolded));
      }) ?? null
    );
  }
  return null;
}
