import safeRegex from 'safe-regex2';
import type { AutoReplyRule } from '../../../shared/model/autoreply.js';

/** Only this much of a message is matched against a pattern, bounding the work per message. */
export const MAX_MATCH_INPUT = 2000;

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
  // Segment-aware, like the provider routing: `/dashly` covers `/dashly` and `/dashly/shop`, not `/dashlyx`.
  return (pathname) => {
    const path = fold(pathname);
    return path === prefix || path.startsWith(`${prefix}/`);
  };
}

/**
 * Compiles rules once, when they are saved. Only phrases the operator wrote ever become a RegExp,
 * and only when the rule says `regex: true`; message text is only ever the subject of a match.
 * Patterns with nested quantifiers (catastrophic backtracking) are refused.
 */
export function compileRules(rules: readonly AutoReplyRule[]): CompiledRule[] {
  return rules.map((rule, index) => {
    const matchesPath = endpointMatcher(rule.endpoint);
    if (!rule.regex) {
      const phrase = fold(rule.phrase);
      return { index, rule, matchesPath, matchesText: (text) => fold(text).includes(phrase) };
    }
    let pattern: RegExp;
    try {
      pattern = new RegExp(rule.phrase, 'iu');
    } catch (error) {
      throw new RuleValidationError(index, `invalid regular expression: ${(error as Error).message}`);
    }
    if (!safeRegex(rule.phrase)) {
      throw new RuleValidationError(
        index,
        'this pattern could backtrack catastrophically (nested or too many quantifiers); simplify it',
      );
    }
    return {
      index,
      rule,
      matchesPath,
      matchesText: (text) => pattern.test(text.slice(0, MAX_MATCH_INPUT)),
    };
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
