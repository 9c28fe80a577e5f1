/**
 * Save-time checks for mock rules and responses, beyond their shape: regexes must compile under the
 * safe engine's limits, paths must parse, templates must be well-formed. Shared so the rules editor
 * flags the same problems the core rejects.
 */
import type { ResponseSpec, Rule } from '../model/endpoint.js';
import { compileSafeRegex } from '../matching/safe-regex.js';
import { parsePath } from '../templates/path.js';
import { templateProblems } from '../templates/template.js';

export interface RuleProblem {
  /** Where, as in the request: `rules.2.match.textRegex`, `fallback.body`. */
  path: string;
  message: string;
}

export function responseProblems(response: ResponseSpec, at: string): RuleProblem[] {
  const problems: RuleProblem[] = [];
  for (const message of templateProblems(response.body)) problems.push({ path: `${at}.body`, message });
  for (const [index, [, value]] of (response.headers ?? []).entries())
    for (const message of templateProblems(value)) problems.push({ path: `${at}.headers.${index}`, message });
  return problems;
}

export function ruleProblems(rule: Rule, at: string): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const { match } = rule;
  const caseInsensitive = match.caseInsensitive === true;
  for (const key of ['bodyRegex', 'textRegex'] as const) {
    const source = match[key];
    if (source === undefined) continue;
    const compiled = compileSafeRegex(source, { caseInsensitive });
    if (!compiled.ok) problems.push({ path: `${at}.match.${key}`, message: compiled.error });
  }
  if (match.jsonPath) {
    const parsed = parsePath(match.jsonPath.path);
    if (!parsed.ok) problems.push({ path: `${at}.match.jsonPath.path`, message: parsed.error });
  }
  if (match.path !== undefined && !match.path.startsWith('/') && !match.path.startsWith('*'))
    problems.push({ path: `${at}.match.path`, message: 'A path starts with "/" (or "*").' });
  if (match.method !== undefined && !/^[A-Za-z]+$/u.test(match.method))
    problems.push({ path: `${at}.match.method`, message: 'A method is letters only, e.g. POST.' });
  problems.push(...responseProblems(rule.response, `${at}.response`));
  return problems;
}

export function rulesProblems(rules: readonly Rule[], at = 'rules'): RuleProblem[] {
  return rules.flatMap((rule, index) => ruleProblems(rule, `${at}.${index}`));
}
