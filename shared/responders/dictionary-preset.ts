/**
 * The "dictionary" auto-responder from Dashly's help page (docs/dashly.md §7) as mock rules:
 * each phrase → answer pair becomes a rule that matches when the message contains the phrase.
 * Unlike the original sample, which compiled each upper-cased question into a regex, phrases are
 * literal, case-insensitive substrings: a phrase like "how much? (USD)" cannot break or hang matching.
 */
import type { Rule } from '../model/endpoint.js';

export interface DictionaryEntry {
  phrase: string;
  answer: string;
}

/**
 * `kindly`: the answer as a Kindly reply (`{"reply": answer}`), shown to the user by Kindly.
 * `text`: the answer as a plain-text body (Dashly ignores webhook responses; the rule shows which
 * answer the bot would give, and the operator console sends it through the Web API).
 */
export type DictionaryFormat = 'kindly' | 'text';

export function dictionaryRules(
  entries: readonly DictionaryEntry[],
  format: DictionaryFormat = 'kindly',
): Rule[] {
  return entries.map(({ phrase, answer }) => ({
    name: `Dictionary: ${phrase}`,
    enabled: true,
    match: { text: phrase, caseInsensitive: true },
    response:
      format === 'kindly'
        ? { status: 200, body: { reply: answer } }
        : { status: 200, headers: [['Content-Type', 'text/plain; charset=utf-8']], body: answer },
  }));
}
