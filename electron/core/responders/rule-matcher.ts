/**
 * Mock rule evaluation. Rules come from the user (trusted, validated at save); the request they
 * look at is untrusted. Literal conditions never become regexes; regex conditions run on the
 * linear-time engine with bounded input (shared/matching/safe-regex.ts).
 */
import type { Rule } from '../../../shared/model/endpoint.js';
import { compileSafeRegex, type SafeRegex } from '../../../shared/matching/safe-regex.js';
import { lookupPath, parsePath } from '../../../shared/templates/path.js';
import { valueAsText } from '../../../shared/templates/template.js';
import type { RequestView } from './request-view.js';

export interface ConditionOutcome {
  condition: string;
  matched: boolean;
  actual: string | null;
  inputTruncated: boolean;
}

interface Condition {
  name: string;
  evaluate(view: RequestView): ConditionOutcome;
}

export interface CompiledRule {
  readonly rule: Rule;
  readonly index: number;
  readonly conditions: readonly Condition[];
}

const ACTUAL_PREVIEW = 200;

function preview(text: string | null): string | null {
  if (text === null) return null;
  return text.length > ACTUAL_PREVIEW ? `${text.slice(0, ACTUAL_PREVIEW - 1)}…` : text;
}

/**
 * `*` matches any run of characters, everything else is literal. Greedy with one backtrack point
 * (the last star), so the cost is bounded by pattern × input length, never exponential.
 */
export function wildcardMatch(pattern: string, input: string): boolean {
  let p = 0;
  let i = 0;
  let star = -1;
  let mark = 0;
  while (i < input.length) {
    if (p < pattern.length && pattern[p] !== '*' && pattern[p] === input[i]) {
      p++;
      i++;
    } else if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      mark = i;
    } else if (star !== -1) {
      p = star + 1;
      i = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.length && pattern[p] === '*') p++;
  return p === pattern.length;
}

/** JSON equality where a number and a string of the same digits are equal (big ids arrive as strings). */
export function looseJsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'string') return String(a) === b;
  if (typeof a === 'string' && typeof b === 'number') return a === String(b);
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((item, index) => looseJsonEqual(item, b[index]));
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    if (Array.isArray(a) || Array.isArray(b)) return false;
    const aKeys = Object.keys(a);
    const bKeys = Object.keys(b);
    return (
      aKeys.length === bKeys.length &&
      aKeys.every(
        (key) =>
          Object.hasOwn(b, key) &&
          looseJsonEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
      )
    );
  }
  return false;
}

function regexCondition(
  name: string,
  source: string,
  caseInsensitive: boolean,
  input: (view: RequestView) => string,
): Condition {
  const compiled = compileSafeRegex(source, { caseInsensitive });
  if (!compiled.ok) throw new Error(`${name}: ${compiled.error}`);
  const regex: SafeRegex = compiled.regex;
  return {
    name,
    evaluate(view) {
      const text = input(view);
      return {
        condition: name,
        matched: regex.test(text),
        actual: preview(text),
        inputTruncated: text.length > regex.inputLimit,
      };
    },
  };
}

/** Compiles a rule's conditions. Throws on an invalid rule (the save path validates first). */
export function compileRule(rule: Rule, index: number): CompiledRule {
  const { match } = rule;
  const fold = match.caseInsensitive === true;
  const norm = (text: string) => (fold ? text.toLowerCase() : text);
  const conditions: Condition[] = [];

  if (match.method !== undefined) {
    const method = match.method.toUpperCase();
    conditions.push({
      name: 'method',
      evaluate: (view) => ({
        condition: 'method',
        matched: view.method.toUpperCase() === method,
        actual: view.method,
        inputTruncated: false,
      }),
    });
  }
  if (match.path !== undefined) {
    const pattern = match.path;
    conditions.push({
      name: 'path',
      evaluate: (view) => ({
        condition: 'path',
        matched: wildcardMatch(pattern, view.pathname),
        actual: preview(view.pathname),
        inputTruncated: false,
      }),
    });
  }
  if (match.header !== undefined) {
    const name = match.header.name.toLowerCase();
    const expected = norm(match.header.value);
    conditions.push({
      name: 'header',
      evaluate: (view) => {
        const values = view.headers.filter(([key]) => key.toLowerCase() === name).map(([, value]) => value);
        return {
          condition: 'header',
          matched: values.some((value) => norm(value) === expected),
          actual: values.length ? preview(values.join(', ')) : null,
          inputTruncated: false,
        };
      },
    });
  }
  if (match.bodyRegex !== undefined)
    conditions.push(regexCondition('bodyRegex', match.bodyRegex, fold, (view) => view.bodyText));
  if (match.jsonPath !== undefined) {
    const parsed = parsePath(match.jsonPath.path);
    if (!parsed.ok) throw new Error(`jsonPath: ${parsed.error}`);
    const { segments } = parsed;
    const hasExpected = match.jsonPath.equals !== undefined;
    const expected: unknown = match.jsonPath.equals;
    conditions.push({
      name: 'jsonPath',
      evaluate: (view) => {
        const hit = lookupPath(view.document, segments);
        return {
          condition: 'jsonPath',
          matched: hit.found && (!hasExpected || looseJsonEqual(hit.value, expected)),
          actual: hit.found ? preview(JSON.stringify(hit.value) ?? valueAsText(hit.value)) : null,
          inputTruncated: false,
        };
      },
    });
  }
  if (match.text !== undefined) {
    const needle = norm(match.text);
    conditions.push({
      name: 'text',
      evaluate: (view) => ({
        condition: 'text',
        matched: norm(view.messageText).includes(needle),
        actual: preview(view.messageText),
        inputTruncated: false,
      }),
    });
  }
  if (match.textEquals !== undefined) {
    const expected = norm(match.textEquals.trim());
    conditions.push({
      name: 'textEquals',
      evaluate: (view) => ({
        condition: 'textEquals',
        matched: norm(view.messageText.trim()) === expected,
        actual: preview(view.messageText),
        inputTruncated: false,
      }),
    });
  }
  if (match.textRegex !== undefined)
    conditions.push(regexCondition('textRegex', match.textRegex, fold, (view) => view.messageText));

  return { rule, index, conditions };
}

/** Every condition's outcome, for the rules editor (no short-circuit). A rule with none matches all. */
export function evaluateRule(compiled: CompiledRule, view: RequestView): ConditionOutcome[] {
  return compiled.conditions.map((condition) => condition.evaluate(view));
}

export function ruleMatches(compiled: CompiledRule, view: RequestView): boolean {
  return compiled.conditions.every((condition) => condition.evaluate(view).matched);
}

/** The first enabled rule whose conditions all hold, in order. */
export function firstMatchingRule(rules: readonly CompiledRule[], view: RequestView): CompiledRule | null {
  for (const compiled of rules) {
    if (compiled.rule.enabled && ruleMatches(compiled, view)) return compiled;
  }
  return null;
}
