/**
 * The Endpoints editor's working copy of an endpoint (text as typed), and its conversion to
 * `endpoints.save` input with problems named by the same paths the server uses
 * (`rules.2.match.textRegex`), so local and server problems land on the same fields.
 */
import {
  DEFAULT_FORWARD_TIMEOUT_MS,
  DEFAULT_HOLD_TIMEOUT_MS,
  MAX_DELAY_MS,
  type Endpoint,
  type EndpointInput,
  type EndpointMode,
  type Rule,
  type RuleInput,
} from '../../../shared/model/endpoint.js';
import type { FieldProblem } from '../../lib/field-problems.js';
import {
  emptyResponseDraft,
  responseDraftFrom,
  responseFromDraft,
  type ResponseDraft,
} from '../../lib/response-draft.js';

export const CONDITION_KINDS = [
  'text',
  'textEquals',
  'textRegex',
  'method',
  'path',
  'header',
  'bodyRegex',
  'jsonPath',
] as const;
export type ConditionKind = (typeof CONDITION_KINDS)[number];

export const CONDITION_LABEL: Record<ConditionKind, string> = {
  text: 'Message contains',
  textEquals: 'Message equals',
  textRegex: 'Message matches regex',
  method: 'Method',
  path: 'Path',
  header: 'Header',
  bodyRegex: 'Body matches regex',
  jsonPath: 'JSON value',
};

export interface MatchDraft {
  method: string | null;
  path: string | null;
  header: { name: string; value: string } | null;
  bodyRegex: string | null;
  /** `equals` as typed: JSON (`"oslo"`, `42`, `true`) or bare text; empty = the path exists. */
  jsonPath: { path: string; equals: string } | null;
  text: string | null;
  textEquals: string | null;
  textRegex: string | null;
  caseInsensitive: boolean;
}

export interface RuleDraft {
  /** Stable identity for the list (reordering keeps each rule's editor state). */
  key: number;
  name: string;
  enabled: boolean;
  match: MatchDraft;
  response: ResponseDraft;
  delayMs: string;
}

export interface EndpointDraft {
  prefix: string;
  mode: EndpointMode;
  target: string;
  timeoutSeconds: string;
  holdTimeoutSeconds: string;
  failOn5xx: boolean;
  holdOnForwardFailure: boolean;
  rejectInvalidAuth: boolean;
  rules: RuleDraft[];
  useFallback: boolean;
  fallback: ResponseDraft;
}

let nextKey = 1;
export function newRuleKey(): number {
  return nextKey++;
}

function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Shows a JSON `equals` so that reading it back gives the same value. */
function equalsText(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string' && !parsesAsJson(value)) return value;
  return JSON.stringify(value);
}

function seconds(ms: number): string {
  return String(Math.round(ms) / 1000);
}

export function emptyMatch(): MatchDraft {
  return {
    method: null,
    path: null,
    header: null,
    bodyRegex: null,
    jsonPath: null,
    text: null,
    textEquals: null,
    textRegex: null,
    caseInsensitive: false,
  };
}

export function ruleDraftFrom(rule: Rule | RuleInput): RuleDraft {
  const match = rule.match ?? {};
  return {
    key: newRuleKey(),
    name: rule.name ?? '',
    enabled: rule.enabled ?? true,
    match: {
      method: match.method ?? null,
      path: match.path ?? null,
      header: match.header ? { ...match.header } : null,
      bodyRegex: match.bodyRegex ?? null,
      jsonPath: match.jsonPath
        ? { path: match.jsonPath.path, equals: equalsText(match.jsonPath.equals) }
        : null,
      text: match.text ?? null,
      textEquals: match.textEquals ?? null,
      textRegex: match.textRegex ?? null,
      caseInsensitive: match.caseInsensitive ?? false,
    },
    response: responseDraftFrom(rule.response),
    delayMs: rule.response.delayMs ? String(rule.response.delayMs) : '',
  };
}

export function newRuleDraft(provider: string): RuleDraft {
  return {
    key: newRuleKey(),
    name: '',
    enabled: true,
    match: { ...emptyMatch(), text: '', caseInsensitive: true },
    response: emptyResponseDraft(
      provider === 'kindly' ? '{\n  "reply": "You said: {{message}}"\n}' : '{\n  "ok": true\n}',
    ),
    delayMs: '',
  };
}

export function draftFromEndpoint(endpoint: Endpoint): EndpointDraft {
  return {
    prefix: endpoint.prefix,
    mode: endpoint.mode,
    target: endpoint.target ?? '',
    timeoutSeconds: seconds(endpoint.timeoutMs),
    holdTimeoutSeconds: seconds(endpoint.holdTimeoutMs),
    failOn5xx: endpoint.failOn5xx,
    holdOnForwardFailure: endpoint.holdOnForwardFailure,
    rejectInvalidAuth: endpoint.rejectInvalidAuth,
    rules: endpoint.rules.map(ruleDraftFrom),
    useFallback: endpoint.fallback !== null,
    fallback: endpoint.fallback ? responseDraftFrom(endpoint.fallback) : emptyResponseDraft(),
  };
}

/** The draft without list identities, to tell whether anything changed. */
export function draftSignature(draft: EndpointDraft): string {
  return JSON.stringify({ ...draft, rules: draft.rules.map(({ key: _key, ...rest }) => rest) });
}

export function ruleFromDraft(
  draft: RuleDraft,
  at: string,
): { rule: RuleInput | null; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const { match } = draft;
  const out: NonNullable<RuleInput['match']> = {};
  const need = (value: string | null, key: ConditionKind): string | undefined => {
    if (value === null) return undefined;
    if (value === '' && key !== 'textEquals') {
      problems.push({ path: `${at}.match.${key}`, message: 'Fill this in or remove the condition.' });
      return undefined;
    }
    return value;
  };
  const method = need(match.method, 'method');
  if (method !== undefined) out.method = method.trim();
  const path = need(match.path, 'path');
  if (path !== undefined) out.path = path.trim();
  if (match.header) {
    if (match.header.name.trim() === '')
      problems.push({ path: `${at}.match.header`, message: 'Name the header, or remove the condition.' });
    else out.header = { name: match.header.name.trim(), value: match.header.value };
  }
  const bodyRegex = need(match.bodyRegex, 'bodyRegex');
  if (bodyRegex !== undefined) out.bodyRegex = bodyRegex;
  if (match.jsonPath) {
    if (match.jsonPath.path.trim() === '')
      problems.push({ path: `${at}.match.jsonPath.path`, message: 'Give a path, e.g. context.store.' });
    else {
      const equals = match.jsonPath.equals.trim();
      let value: unknown = undefined;
      if (equals !== '') {
        try {
          value = JSON.parse(equals);
        } catch {
          value = match.jsonPath.equals;
        }
        // A number equals its digit string, so an id too large for a JS number is sent as its digits.
        if (typeof value === 'number' && !Number.isSafeInteger(value) && /^-?\d+$/u.test(equals))
          value = equals;
      }
      out.jsonPath = {
        path: match.jsonPath.path.trim(),
        ...(value === undefined ? {} : { equals: value as NonNullable<typeof out.jsonPath>['equals'] }),
      };
    }
  }
  const text = need(match.text, 'text');
  if (text !== undefined) out.text = text;
  if (match.textEquals !== null) out.textEquals = match.textEquals;
  const textRegex = need(match.textRegex, 'textRegex');
  if (textRegex !== undefined) out.textRegex = textRegex;
  if (match.caseInsensitive) out.caseInsensitive = true;

  const response = responseFromDraft(draft.response, `${at}.response`);
  problems.push(...response.problems);
  let delayMs: number | undefined;
  if (draft.delayMs.trim() !== '') {
    delayMs = Number(draft.delayMs);
    if (!Number.isInteger(delayMs) || delayMs < 0 || delayMs > MAX_DELAY_MS) {
      problems.push({
        path: `${at}.response.delayMs`,
        message: `A delay is a whole number of milliseconds up to ${MAX_DELAY_MS}.`,
      });
      delayMs = undefined;
    }
  }
  if (problems.length > 0 || !response.spec) return { rule: null, problems };
  return {
    rule: {
      ...(draft.name.trim() ? { name: draft.name.trim() } : {}),
      enabled: draft.enabled,
      match: out,
      response: { ...response.spec, ...(delayMs ? { delayMs } : {}) },
    },
    problems,
  };
}

function secondsToMs(text: string, path: string, min: number, problems: FieldProblem[]): number | undefined {
  const value = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(value) || value * 1000 < min || value > 600) {
    problems.push({ path, message: `Give a number of seconds from ${min / 1000} to 600.` });
    return undefined;
  }
  return Math.round(value * 1000);
}

export function inputFromDraft(
  draft: EndpointDraft,
  previousPrefix: string | null,
): { input: EndpointInput | null; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const prefix = draft.prefix.trim();
  if (!prefix.startsWith('/'))
    problems.push({ path: 'prefix', message: 'A prefix starts with "/", e.g. /kindly/staging.' });
  const rules: RuleInput[] = [];
  draft.rules.forEach((rule, index) => {
    const converted = ruleFromDraft(rule, `rules.${index}`);
    problems.push(...converted.problems);
    if (converted.rule) rules.push(converted.rule);
  });
  const timeoutMs = secondsToMs(draft.timeoutSeconds, 'timeoutMs', 100, problems);
  const holdTimeoutMs = secondsToMs(draft.holdTimeoutSeconds, 'holdTimeoutMs', 500, problems);
  let fallback: EndpointInput['fallback'] = null;
  if (draft.useFallback) {
    const converted = responseFromDraft(draft.fallback, 'fallback');
    problems.push(...converted.problems);
    fallback = converted.spec;
  }
  if (draft.mode === 'forward' && draft.target.trim() === '')
    problems.push({
      path: 'target',
      message: 'Forward mode needs a target URL, e.g. http://localhost:3000/webhook.',
    });
  if (problems.length > 0) return { input: null, problems };
  return {
    input: {
      prefix,
      mode: draft.mode,
      target: draft.target.trim() || null,
      timeoutMs: timeoutMs ?? DEFAULT_FORWARD_TIMEOUT_MS,
      holdTimeoutMs: holdTimeoutMs ?? DEFAULT_HOLD_TIMEOUT_MS,
      failOn5xx: draft.failOn5xx,
      holdOnForwardFailure: draft.holdOnForwardFailure,
      rejectInvalidAuth: draft.rejectInvalidAuth,
      rules,
      fallback,
      ...(previousPrefix !== null && previousPrefix !== prefix ? { previousPrefix } : {}),
    },
    problems,
  };
}

/** One line about a rule's conditions, for its collapsed header. */
export function describeMatch(match: MatchDraft): string {
  const parts: string[] = [];
  const quote = (text: string) => `“${text.length > 40 ? `${text.slice(0, 39)}…` : text}”`;
  if (match.text !== null) parts.push(`message contains ${quote(match.text)}`);
  if (match.textEquals !== null) parts.push(`message is ${quote(match.textEquals)}`);
  if (match.textRegex !== null) parts.push(`message ~ /${match.textRegex}/`);
  if (match.method !== null) parts.push(match.method.toUpperCase() || 'method');
  if (match.path !== null) parts.push(`path ${match.path}`);
  if (match.header) parts.push(`${match.header.name}: ${match.header.value}`);
  if (match.bodyRegex !== null) parts.push(`body ~ /${match.bodyRegex}/`);
  if (match.jsonPath)
    parts.push(
      match.jsonPath.equals.trim() === ''
        ? `${match.jsonPath.path} exists`
        : `${match.jsonPath.path} = ${match.jsonPath.equals}`,
    );
  if (parts.length === 0) return 'every request';
  return `${parts.join(' and ')}${match.caseInsensitive ? ' (any case)' : ''}`;
}
