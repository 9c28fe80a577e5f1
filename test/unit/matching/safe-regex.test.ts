import { describe, expect, it } from 'vitest';
import {
  MAX_PATTERN_LENGTH,
  MAX_REGEX_INPUT,
  MIN_REGEX_INPUT,
  compileSafeRegex,
  regexProblem,
} from '../../../shared/matching/safe-regex.js';

function compile(source: string, caseInsensitive = false) {
  const result = compileSafeRegex(source, { caseInsensitive });
  if (!result.ok) throw new Error(result.error);
  return result.regex;
}

describe('safe regexes', () => {
  it('matches like a regex, with an optional case-insensitive flag', () => {
    expect(compile('^order [A-Z]-\\d{4}$').test('order A-1001')).toBe(true);
    expect(compile('^order [A-Z]-\\d{4}$').test('order a-1001')).toBe(false);
    expect(compile('^order [A-Z]-\\d{4}$', true).test('ORDER a-1001')).toBe(true);
    expect(compile('hélló', true).test('say HÉLLÓ')).toBe(true);
    expect(compile('(?P<id>\\d+)').test('id 42')).toBe(true);
  });

  it('refuses what it cannot run safely, with a reason', () => {
    expect(regexProblem('(a')).toMatch(/missing closing/u);
    expect(regexProblem('(a)\\1')).toMatch(/Invalid pattern/u);
    expect(regexProblem('(?=a)b')).toMatch(/Invalid pattern/u);
    expect(regexProblem('')).toMatch(/empty/u);
    expect(regexProblem('a'.repeat(MAX_PATTERN_LENGTH + 1))).toMatch(/longer/u);
    expect(regexProblem('a{1000}b{1000}c{1000}')).toMatch(/too complex/u);
    expect(regexProblem('((a{100}){100}){100}')).toMatch(/Invalid pattern/u);
    expect(regexProblem('\\w+@\\w+')).toBeNull();
  });

  it('runs classic catastrophic-backtracking patterns on hostile input without hanging', () => {
    // With JavaScript's RegExp each of these takes longer than the age of the universe.
    const hostile = `${'a'.repeat(50_000)}!`;
    for (const source of ['(a+)+$', '(a|aa)+$', '(a*)*b', '^(\\w+\\s?)*$', '(.*a){20}!x']) {
      expect(compile(source).test(hostile)).toBe(false);
    }
    expect(compile('(a+)+!').test(hostile)).toBe(true);
  });

  it('looks at a bounded prefix of long inputs, smaller for bigger programs', () => {
    const small = compile('needle');
    expect(small.inputLimit).toBe(MAX_REGEX_INPUT);
    expect(small.test(`${'x'.repeat(MAX_REGEX_INPUT - 10)}needle`)).toBe(true);
    expect(small.test(`${'x'.repeat(MAX_REGEX_INPUT)}needle`)).toBe(false);
    const big = compile('[ab]*a[ab]{990}c');
    expect(big.inputLimit).toBeLessThan(MAX_REGEX_INPUT);
    expect(big.inputLimit).toBeGreaterThanOrEqual(MIN_REGEX_INPUT);
    let input = '';
    for (let i = 0; i < 200_000; i++) input += i % 3 === 0 ? 'a' : 'b';
    expect(big.test(input)).toBe(false);
  });
});
