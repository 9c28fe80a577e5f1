import { describe, expect, it } from 'vitest';
import { Endpoint, EndpointInput } from '../../../shared/model/endpoint.js';
import { rulesProblems } from '../../../shared/responders/rule-validation.js';
import {
  draftFromEndpoint,
  draftSignature,
  inputFromDraft,
  newRuleDraft,
  ruleFromDraft,
} from '../../../renderer/features/endpoints/endpoint-draft.js';
import { parsePairs } from '../../../renderer/features/endpoints/dictionary-parse.js';
import { describePath, reroot } from '../../../renderer/lib/field-problems.js';
import { responseFromDraft } from '../../../renderer/lib/response-draft.js';
import { toHeldRequest } from '../../../renderer/state/holds-slice.js';

const stored = Endpoint.parse({
  prefix: '/kindly',
  mode: 'mock',
  target: 'http://localhost:3000/webhook',
  timeoutMs: 4500,
  rules: [
    {
      name: 'hours',
      enabled: true,
      match: { text: 'open', caseInsensitive: true, method: 'POST', path: '/kindly/*' },
      response: {
        status: 201,
        headers: [['X-Bot', '{{user_id}}']],
        body: { reply: 'Open {{message}}' },
        delayMs: 250,
      },
    },
    {
      enabled: false,
      match: {
        header: { name: 'X-Env', value: 'staging' },
        bodyRegex: '"type":\\s*"reply_user"',
        jsonPath: { path: 'context.store', equals: 'oslo' },
        textEquals: '',
        textRegex: '^order\\s+\\d+',
      },
      response: { body: 'plain text {{chat_id}}' },
    },
    { match: { jsonPath: { path: 'bot_id', equals: 1234 } }, response: { body: null } },
    { match: { jsonPath: { path: 'flag', equals: 'true' } }, response: { body: [1, 'two'] } },
    { match: { jsonPath: { path: 'exists' } }, response: { body: {} } },
  ],
  fallback: { status: 503, body: { error: 'down' } },
  holdTimeoutMs: 2500,
  holdOnForwardFailure: true,
  failOn5xx: true,
  rejectInvalidAuth: true,
  updatedAt: 1,
});

describe('endpoint draft', () => {
  it('round-trips every field of a stored endpoint through the editor unchanged', () => {
    const { input, problems } = inputFromDraft(draftFromEndpoint(stored), stored.prefix);
    expect(problems).toEqual([]);
    const parsed = EndpointInput.parse(input);
    const { updatedAt: _updatedAt, ...expected } = stored;
    // The editor shows the default status, so an absent one comes back as the 200 it meant.
    expected.rules = expected.rules.map((rule) => ({ ...rule, response: { status: 200, ...rule.response } }));
    expect(parsed).toEqual(expected);
    expect(rulesProblems(parsed.rules ?? [])).toEqual([]);
  });

  it('keeps a JSON-looking string in `equals` a string, and bare text as text', () => {
    const draft = draftFromEndpoint(stored);
    expect(draft.rules[3]?.match.jsonPath?.equals).toBe('"true"');
    expect(draft.rules[1]?.match.jsonPath?.equals).toBe('oslo');
    expect(draft.rules[2]?.match.jsonPath?.equals).toBe('1234');
  });

  it('tells an edit from the saved state, whatever the list identities', () => {
    const a = draftFromEndpoint(stored);
    const b = draftFromEndpoint(stored);
    expect(a.rules[0]?.key).not.toBe(b.rules[0]?.key);
    expect(draftSignature(a)).toBe(draftSignature(b));
    b.rules[0] = { ...b.rules[0]!, enabled: false };
    expect(draftSignature(a)).not.toBe(draftSignature(b));
  });

  it('names local problems with the paths the server uses', () => {
    const draft = draftFromEndpoint(stored);
    draft.mode = 'forward';
    draft.target = ' ';
    draft.timeoutSeconds = 'soon';
    draft.holdTimeoutSeconds = '0.1';
    const rule = newRuleDraft('kindly');
    rule.response = { ...rule.response, status: '99', bodyText: '{"reply": }' };
    rule.delayMs = '-5';
    draft.rules = [rule];
    draft.fallback = { ...draft.fallback, headers: [['Bad Name', 'x']] };
    const { input, problems } = inputFromDraft(draft, '/kindly');
    expect(input).toBeNull();
    expect(problems.map((problem) => problem.path).sort()).toEqual(
      [
        'fallback.headers.0',
        'holdTimeoutMs',
        'rules.0.match.text',
        'rules.0.response.body',
        'rules.0.response.delayMs',
        'rules.0.response.status',
        'target',
        'timeoutMs',
      ].sort(),
    );
  });

  it('renames with previousPrefix only when the prefix changed', () => {
    const draft = draftFromEndpoint(stored);
    expect(inputFromDraft(draft, '/kindly').input).not.toHaveProperty('previousPrefix');
    draft.prefix = '/kindly/staging';
    expect(inputFromDraft(draft, '/kindly').input).toMatchObject({
      prefix: '/kindly/staging',
      previousPrefix: '/kindly',
    });
  });

  it('matches a JSON value too large for a number by its digits', () => {
    const rule = newRuleDraft('dashly');
    rule.match = {
      ...rule.match,
      text: null,
      jsonPath: { path: 'conversation.conversation', equals: '18446744073709551615' },
    };
    expect(ruleFromDraft(rule, 'rules.0').rule?.match?.jsonPath).toEqual({
      path: 'conversation.conversation',
      equals: '18446744073709551615',
    });
  });

  it('sends an empty "message equals" (it matches an empty message) but not an empty "contains"', () => {
    const rule = newRuleDraft('other');
    rule.match = { ...rule.match, text: null, textEquals: '' };
    expect(ruleFromDraft(rule, 'rules.0').rule?.match).toEqual({ textEquals: '', caseInsensitive: true });
  });
});

describe('operator response draft', () => {
  it('sends a JSON body exactly as typed, with a JSON Content-Type unless one was given', () => {
    const typed = '{ "reply" : "Hi",\n "n": 12345678901234567890 }';
    const exact = responseFromDraft({ status: '', headers: [], bodyMode: 'json', bodyText: typed }, 'reply', {
      exact: true,
    });
    expect(exact.spec).toEqual({
      headers: [['Content-Type', 'application/json; charset=utf-8']],
      body: typed,
    });
    const own = responseFromDraft(
      {
        status: '202',
        headers: [['content-type', 'application/vnd.api+json']],
        bodyMode: 'json',
        bodyText: '{}',
      },
      'reply',
      { exact: true },
    );
    expect(own.spec).toEqual({
      status: 202,
      headers: [['content-type', 'application/vnd.api+json']],
      body: '{}',
    });
  });

  it('refuses a parsed body whose numbers would be rounded, but sends them as typed for the operator', () => {
    const text = '{"conversation": 18446744073709551615, "ok": 1.5}';
    const parsed = responseFromDraft(
      { status: '', headers: [], bodyMode: 'json', bodyText: text },
      'rules.0.response',
    );
    expect(parsed.spec).toBeNull();
    expect(parsed.problems).toEqual([
      {
        path: 'rules.0.response.body',
        message:
          '18446744073709551615 is too large to keep exactly: write it as a string ("18446744073709551615").',
      },
    ]);
    const exact = responseFromDraft({ status: '', headers: [], bodyMode: 'json', bodyText: text }, 'reply', {
      exact: true,
    });
    expect(exact.spec?.body).toBe(text);
  });

  it('parses JSON for templates, and refuses what is not JSON', () => {
    expect(
      responseFromDraft(
        { status: '200', headers: [], bodyMode: 'json', bodyText: '{"a": "{{message}}"}' },
        'fallback',
      ).spec,
    ).toEqual({ status: 200, body: { a: '{{message}}' } });
    const bad = responseFromDraft(
      { status: '200', headers: [], bodyMode: 'json', bodyText: '{a}' },
      'fallback',
    );
    expect(bad.spec).toBeNull();
    expect(bad.problems[0]?.path).toBe('fallback.body');
  });
});

describe('helpers', () => {
  it('describes problem paths in words and re-roots a tested rule’s problems', () => {
    expect(describePath('rules.2.match.textRegex')).toBe('Rule 3 › message regex');
    expect(describePath('fallback.headers.0')).toBe('Fallback › header 1');
    expect(reroot([{ path: 'rule.match.bodyRegex', message: 'x' }], 'rule', 'rules.4')).toEqual([
      { path: 'rules.4.match.bodyRegex', message: 'x' },
    ]);
  });

  it('reads dictionary pairs: "=" or a tab, the first one splits', () => {
    expect(parsePairs('hours = 10–18\nprice?\tsee = the shop\n\nno separator\n = empty phrase')).toEqual({
      pairs: [
        { phrase: 'hours', answer: '10–18' },
        { phrase: 'price?', answer: 'see = the shop' },
      ],
      skipped: 2,
    });
  });

  it('puts a hold’s deadline on the local clock, whatever the server’s clock says', () => {
    const hold = { id: 1, heldAt: 1_000_000, deadline: 1_008_000, now: 1_002_000 } as Parameters<
      typeof toHeldRequest
    >[0];
    // The server's clock is 5 s ahead of ours: 6 s are left, counted from our "now".
    const entry = toHeldRequest(hold, 997_000);
    expect(entry.localDeadline - 997_000).toBe(6000);
    expect(entry.localDeadline - entry.localHeldAt).toBe(8000);
  });
});
