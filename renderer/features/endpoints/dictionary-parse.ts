/** Phrase → answer pairs as typed or pasted into the dictionary import. */
export interface Pair {
  phrase: string;
  answer: string;
}

/** `phrase = answer` or `phrase<TAB>answer` (pasted from a spreadsheet), one per line. */
export function parsePairs(text: string): { pairs: Pair[]; skipped: number } {
  const pairs: Pair[] = [];
  let skipped = 0;
  for (const line of text.split(/\r?\n/u)) {
    if (line.trim() === '') continue;
    const tab = line.indexOf('\t');
    const equals = line.indexOf('=');
    const at = tab !== -1 ? tab : equals;
    const phrase = at === -1 ? '' : line.slice(0, at).trim();
    const answer = at === -1 ? '' : line.slice(at + 1).trim();
    if (phrase === '') skipped++;
    else pairs.push({ phrase, answer });
  }
  return { pairs, skipped };
}
