import { isUnderPrefix } from '../../../shared/matching/path-prefix.js';
import { compileSafeRegex } from '../../../shared/matching/safe-regex.js';
import type { AutoReplyRule } from '../../../shared/model/autoreply.js';

export class RuleValidationError extends Error {
  constructor(
    readonly ruleIndex: number,
    reason: string,
  ) {
    super(`Rule ${ruleIndex + 1}: ${reason}`);
    this.name = 'RuleValidationError';
  }
}

export interface CompiledRule {
  index: number;
  rule: AutoReplyRule;
  /** Whether the message text matches this rule's phrase. */
  matchesText(text: string): boolean;
  /** Whether a webhook that arrived on this listener path is in scope. */
  matchesPath(pathname: string): boolean;
}

function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

function endpointMatcher(endpoint: string | undefined): (pathname: string) => boolean {
  if (endpoint === undefined) return () => true;
  const prefix = fold(endpoint).replace(/\/+$/u, '');
  if (prefix === '') return () => true;
  return (pathname) => isUnderPrefix(fold(pathname), prefix);
}

/**
 * Compiles rules once, when they are saved. Only phrases the operator wrote ever become a regex,
 * and only when the rule says `regex: true`; message text is only ever the subject of a match.
 * Regexes run on RE2 (shared/matching/safe-regex.ts), so no pattern can backtrack catastrophically.
 */
export function compileRules(rules: readonly AutoReplyRule[]): CompiledRule[] {
  return rules.map((rule, index) => {
    const matchesPath = endpointMatcher(rule.endpoint);
    if (!rule.regex) {
      const phrase = fold(rule.phrase);
      return { index, rule, matchesPath, matchesText: (text) => fold(text).includes(phrase) };
    }
    // RE2 semantics: linear time whatever the pattern, on a bounded prefix of the message.
    const compiled = compileSafeRegex(rule.phrase, { caseInsensitive: true });
    if (!compiled.ok) throw new RuleValidationError(index, compiled.error);
    const { regex } = compiled;
    return { index, rule, matchesPath, matchesText: (text) => regex.test(text) };
  });
}

/** The first rule in scope for this path whose phrase matches, or null. */
export function findMatchingRule(
  rules: readonly CompiledRule[],
  text: string,
  pathname: string,
): CompiledRule | null {
  for (const rule of rules) if (rule.matchesPath(pathname) && rule.matchesText(text)) return rule;
  return null;
}
