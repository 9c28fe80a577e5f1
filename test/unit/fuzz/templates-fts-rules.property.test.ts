import BetterSqlite3 from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { Rule } from '../../../shared/model/endpoint.js';
import { compileSafeRegex } from '../../../shared/matching/safe-regex.js';
import { rulesProblems } from '../../../shared/responders/rule-validation.js';
import { lookupPath, parsePath } from '../../../shared/templates/path.js';
import {
  layeredScope,
  listPlaceholders,
  parseTemplate,
  renderJsonTemplate,
  renderTemplate,
  TemplateTooLargeError,
  templateProblems,
} from '../../../shared/templates/template.js';
import { buildRequestView, payloadDocument } from '../../../electron/core/responders/request-view.js';
import {
  compileRule,
  evaluateRule,
  looseJsonEqual,
  wildcardMatch,
} from '../../../electron/core/responders/rule-matcher.js';
import { ftsQuery } from '../../../electron/core/store/fts-query.js';
import { anyBytes, hostileJson, hostileText } from './arbitraries.js';

const RUNS = { numRuns: 400 };

/** Template text built from placeholders (valid and not), escapes and hostile literal text. */
const templateText = fc
  .array(
    fc.oneof(
      hostileText,
      fc.constantFrom(
        '{{',
        '}}',
        '\\{{',
        '|',
        '.',
        '[0]',
        '["a b"]',
        '__proto__',
        'constructor',
        '$headers',
        '$body',
      ),
      fc.tuple(hostileText, hostileText).map(([path, fallback]) => `{{${path} | ${fallback}}}`),
      hostileText.map((path) => `{{${path}}}`),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));

describe('templates never throw (property)', () => {
  it('parse, render, list and check any template against any payload', () => {
    fc.assert(
      fc.property(templateText, hostileJson, hostileJson, (text, payload, body) => {
        const parts = parseTemplate(text);
        // Parsing loses nothing: text parts and placeholders re-assemble the input (escapes aside).
        if (!text.includes('\\{{'))
          expect(parts.map((part) => (part.kind === 'text' ? part.text : part.raw)).join('')).toBe(text);
        const scope = layeredScope(payload);
        try {
          expect(typeof renderTemplate(text, scope)).toBe('string');
          renderJsonTemplate(body, scope);
          renderJsonTemplate({ text, nested: [text, { text }] }, scope);
        } catch (error) {
          // The only error a template may raise: its output would be too large.
          expect(error).toBeInstanceOf(TemplateTooLargeError);
        }
        expect(Array.isArray(listPlaceholders({ text, body }))).toBe(true);
        expect(Array.isArray(templateProblems({ text, body }))).toBe(true);
      }),
      RUNS,
    );
  });

  it('text without `{{` renders as itself', () => {
    fc.assert(
      fc.property(
        hostileText.filter((text) => !text.includes('{{')),
        hostileJson,
        (text, payload) => {
          expect(renderTemplate(text, layeredScope(payload))).toBe(text);
        },
      ),
      RUNS,
    );
  });

  it('paths: any text parses or is reported; lookups follow own properties only', () => {
    fc.assert(
      fc.property(hostileText, hostileJson, (text, root) => {
        const parsed = parsePath(text);
        if (parsed.ok) {
          const hit = lookupPath(root, parsed.segments);
          expect(typeof hit.found).toBe('boolean');
        } else expect(parsed.error.length).toBeGreaterThan(0);
      }),
      RUNS,
    );
    for (const key of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      expect(lookupPath({}, [key])).toEqual({ found: false });
      expect(renderTemplate(`{{${key}}}`, layeredScope({}))).toBe('');
    }
  });

  it('a form payload keeps every key it carries, __proto__ included', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.oneof(hostileText, fc.constantFrom('__proto__', 'constructor')),
            fc.string({ maxLength: 20 }),
          ),
          {
            minLength: 1,
            maxLength: 6,
          },
        ),
        (fields) => {
          const named = fields.filter(([key]) => key !== '');
          const body = Buffer.from(new URLSearchParams(named.length ? named : [['a', 'b']]).toString());
          const doc = payloadDocument(body);
          if (doc === undefined) return;
          // Keys as the form carries them (lone surrogates arrive as U+FFFD).
          for (const key of new URLSearchParams(body.toString()).keys()) {
            expect(lookupPath(doc, [key]).found).toBe(true);
          }
        },
      ),
      RUNS,
    );
    const json = payloadDocument(Buffer.from('{"__proto__": {"polluted": true}, "a": 1}'));
    expect(lookupPath(json, ['__proto__', 'polluted'])).toEqual({ found: true, value: true });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('the full-text query builder (property, against real SQLite FTS5)', () => {
  const db = new BetterSqlite3(':memory:');
  db.exec(
    "CREATE VIRTUAL TABLE t USING fts5 (text, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2')",
  );
  const insert = db.prepare('INSERT INTO t (rowid, text) VALUES (?, ?)');
  const search = db.prepare<[string], { rowid: number }>('SELECT rowid FROM t WHERE t MATCH ?');
  let rowid = 0;
  afterAll(() => db.close());

  it('whatever the user types, the query is null or one SQLite accepts', () => {
    fc.assert(
      fc.property(hostileText, (typed) => {
        const query = ftsQuery(typed);
        if (query === null) return;
        expect(() => search.all(query)).not.toThrow();
      }),
      { numRuns: 1000 },
    );
  });

  it('operators typed around a word are not syntax: the word still finds its text', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z0-9]{1,12}$/u),
        hostileText,
        fc.constantFrom('', ' ', '"', '*', '(', ')', '-', ':', '^', '+', '"*('),
        (word, noise, wrap) => {
          const id = ++rowid;
          insert.run(id, `${noise} ${word} ${noise}`);
          const query = ftsQuery(`${wrap}${word}${wrap}`);
          expect(query).not.toBeNull();
          expect(search.all(query!).map((row) => row.rowid)).toContain(id);
        },
      ),
      RUNS,
    );
    // FTS5 keywords typed by a user are words too.
    insert.run(++rowid, 'near and or not');
    expect(search.all(ftsQuery('NEAR AND OR NOT')!).map((row) => row.rowid)).toContain(rowid);
  });
});

/** Rules as users save them (validated by the schema), with hostile patterns and values. */
const rules = fc
  .record(
    {
      method: fc.string({ minLength: 1, maxLength: 20 }),
      path: fc.oneof(
        fc.string({ minLength: 1, maxLength: 40 }),
        fc.constantFrom('*', '/kindly/*', '**a**', '*'.repeat(50)),
      ),
      header: fc.record({
        name: fc.string({ minLength: 1, maxLength: 20 }),
        value: fc.string({ maxLength: 20 }),
      }),
      bodyRegex: fc.oneof(
        fc.string({ minLength: 1, maxLength: 30 }),
        fc.constantFrom('(a+)+$', '(a|aa)*b', '\\d{1,5}', '.*.*.*x'),
      ),
      jsonPath: fc.record({
        path: fc.string({ minLength: 1, maxLength: 30 }),
        equals: fc.option(hostileJson, { nil: undefined }),
      }),
      text: fc.string({ minLength: 1, maxLength: 20 }),
      textEquals: fc.string({ maxLength: 20 }),
      textRegex: fc.string({ minLength: 1, maxLength: 30 }),
      caseInsensitive: fc.boolean(),
    },
    { requiredKeys: [] },
  )
  .map((match) => Rule.safeParse({ match, response: { body: {} } }))
  .filter((parsed) => parsed.success)
  .map((parsed) => parsed.data);

describe('the rule matcher (property)', () => {
  it('valid rules evaluate against any request without throwing', () => {
    fc.assert(
      fc.property(
        rules,
        hostileText,
        fc.array(fc.tuple(hostileText, hostileText), { maxLength: 5 }),
        fc.oneof(
          anyBytes,
          hostileJson.map((value) => Buffer.from(JSON.stringify(value) ?? '')),
        ),
        hostileText,
        (rule, path, headers, body, message) => {
          // What the save path does: rules with problems (e.g. an unsafe regex) are refused there.
          if (rulesProblems([rule]).length > 0) return;
          const compiled = compileRule(rule, 0);
          const view = buildRequestView({
            method: 'POST',
            path: `/${path}`,
            headers,
            body,
            provider: 'other',
            conversationKey: null,
            messages: [{ text: message, author: { kind: 'user', id: null } }],
          });
          for (const outcome of evaluateRule(compiled, view)) expect(typeof outcome.matched).toBe('boolean');
        },
      ),
      RUNS,
    );
  });

  it('a regex compiles or is refused with a reason; never an exception', () => {
    fc.assert(
      fc.property(hostileText, fc.boolean(), hostileText, (source, caseInsensitive, input) => {
        const compiled = compileSafeRegex(source, { caseInsensitive });
        if (compiled.ok) expect(typeof compiled.regex.test(input)).toBe('boolean');
        else expect(compiled.error.length).toBeGreaterThan(0);
      }),
      RUNS,
    );
  });

  it('wildcards: a pattern without `*` is equality; `*` alone matches everything', () => {
    fc.assert(
      fc.property(hostileText, hostileText, (pattern, input) => {
        if (!pattern.includes('*')) expect(wildcardMatch(pattern, input)).toBe(pattern === input);
        expect(wildcardMatch('*', input)).toBe(true);
        expect(wildcardMatch(`*${input}*`, `${pattern}${input}${pattern}`)).toBe(true);
      }),
      RUNS,
    );
  });

  it('loose JSON equality is reflexive and symmetric on any JSON', () => {
    fc.assert(
      fc.property(hostileJson, hostileJson, (a, b) => {
        expect(looseJsonEqual(a, a)).toBe(true);
        expect(looseJsonEqual(a, b)).toBe(looseJsonEqual(b, a));
      }),
      RUNS,
    );
  });
});
