import { describe, expect, it } from 'vitest';
import {
  compileRules,
  findMatchingRule,
  RuleValidationError,
} from '../../../electron/core/dashly/autoreply-rules.js';
import { MAX_REGEX_INPUT } from '../../../shared/matching/safe-regex.js';

describe('auto-reply rules', () => {
  it('matches literal phrases anywhere, ignoring case and Unicode width', () => {
    const rules = compileRules([{ phrase: 'Hello, how are you', answer: 'Hey' }]);
    expect(findMatchingRule(rules, 'well HELLO, how are you?', '/dashly')?.index).toBe(0);
    expect(findMatchingRule(rules, 'Ｈｅｌｌｏ, how are you', '/dashly')?.index).toBe(0);
    expect(findMatchingRule(rules, 'hello how are you', '/dashly')).toBeNull();
  });

  it('never interprets a literal phrase as a pattern', () => {
    const rules = compileRules([{ phrase: 'a.c', answer: 'x' }]);
    expect(findMatchingRule(rules, 'abc', '/')).toBeNull();
    expect(findMatchingRule(rules, 'A.C', '/')?.index).toBe(0);
  });

  it('compiles regex phrases case-insensitively and picks the first matching rule', () => {
    const rules = compileRules([
      { phrase: '^refund', answer: 'r', regex: true },
      { phrase: '\\border\\s*#?\\d+', answer: 'o', regex: true },
      { phrase: 'order', answer: 'fallback' },
    ]);
    expect(findMatchingRule(rules, 'REFUND please', '/')?.rule.answer).toBe('r');
    expect(findMatchingRule(rules, 'where is Order #42', '/')?.rule.answer).toBe('o');
    expect(findMatchingRule(rules, 'my order', '/')?.rule.answer).toBe('fallback');
  });

  it('refuses invalid and oversized patterns, naming the rule', () => {
    expect(() =>
      compileRules([
        { phrase: 'ok', answer: 'x' },
        { phrase: '(', answer: 'x', regex: true },
      ]),
    ).toThrow(/Rule 2: Invalid pattern/u);
    for (const phrase of ['(a)\\1', '(?=a)b', `a{1,1000}`.repeat(10)]) {
      let error: unknown;
      try {
        compileRules([{ phrase, answer: 'x', regex: true }]);
      } catch (caught) {
        error = caught;
      }
      expect(error, phrase).toBeInstanceOf(RuleValidationError);
      expect((error as RuleValidationError).ruleIndex).toBe(0);
    }
  });

  it('runs classic catastrophic patterns in linear time on hostile input', () => {
    const hostile = `${'a'.repeat(50_000)}!`;
    for (const phrase of ['(a+)+$', '(x*)*y', '(.*a){1,20}$']) {
      const rules = compileRules([{ phrase, answer: 'x', regex: true }]);
      // With backtracking these would not finish; RE2 answers at once.
      expect(findMatchingRule(rules, hostile, '/'), phrase).toBeNull();
    }
  });

  it('only matches the first part of a very long message against a pattern', () => {
    const rules = compileRules([{ phrase: 'needle$', answer: 'x', regex: true }]);
    expect(findMatchingRule(rules, `${'a'.repeat(MAX_REGEX_INPUT + 10)}needle`, '/')).toBeNull();
    expect(findMatchingRule(rules, 'a needle', '/')?.index).toBe(0);
  });

  it('scopes a rule to a listener path prefix, segment by segment', () => {
    const rules = compileRules([{ phrase: 'hi', answer: 'x', endpoint: '/dashly/shop/' }]);
    expect(findMatchingRule(rules, 'hi', '/dashly/shop')).not.toBeNull();
    expect(findMatchingRule(rules, 'hi', '/dashly/shop/eu')).not.toBeNull();
    expect(findMatchingRule(rules, 'hi', '/Dashly/Shop')).not.toBeNull();
    expect(findMatchingRule(rules, 'hi', '/dashly/shopping')).toBeNull();
    expect(findMatchingRule(rules, 'hi', '/dashly')).toBeNull();
  });
});
