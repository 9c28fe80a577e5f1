import { describe, expect, it } from 'vitest';
import { lookupPath, parsePath } from '../../../shared/templates/path.js';
import {
  MAX_RENDERED_CHARS,
  TemplateTooLargeError,
  layeredScope,
  listPlaceholders,
  renderJsonTemplate,
  renderTemplate,
  templateProblems,
} from '../../../shared/templates/template.js';

const payload = {
  message: 'When are you open?',
  chat_id: 'c-1',
  count: 3,
  flag: false,
  nothing: null,
  context: { store: 'oslo', 'opening hours': '10-18', nested: { deep: [1, { x: 'y' }] } },
  items: [{ name: 'first' }, { name: 'second' }],
};
const scope = layeredScope(payload, { alias: 'from alias', message: 'shadowed' });

describe('paths', () => {
  it('parses dotted, indexed and quoted segments', () => {
    expect(parsePath('a.b.c')).toEqual({ ok: true, segments: ['a', 'b', 'c'] });
    expect(parsePath('$.items[1].name')).toEqual({ ok: true, segments: ['items', '1', 'name'] });
    expect(parsePath('context["opening hours"]')).toEqual({
      ok: true,
      segments: ['context', 'opening hours'],
    });
    expect(parsePath("a['x.y']")).toEqual({ ok: true, segments: ['a', 'x.y'] });
    expect(parsePath('$')).toEqual({ ok: true, segments: [] });
    for (const bad of ['', 'a..b', 'a.', '.a', 'a[x]', 'a["x"', 'a b', 'a[1'])
      expect(parsePath(bad).ok).toBe(false);
  });

  it('follows own properties only', () => {
    expect(lookupPath(payload, ['items', '0', 'name'])).toEqual({ found: true, value: 'first' });
    expect(lookupPath(payload, ['items', '5'])).toEqual({ found: false });
    expect(lookupPath(payload, ['constructor'])).toEqual({ found: false });
    expect(lookupPath(payload, ['__proto__'])).toEqual({ found: false });
    expect(lookupPath(payload, ['message', 'length'])).toEqual({ found: false });
    expect(lookupPath(payload, ['items', 'length'])).toEqual({ found: false });
  });
});

describe('text templates', () => {
  it('substitutes values by path, with layers and fallbacks', () => {
    expect(renderTemplate('Q: {{ message }} @ {{context.store}}', scope)).toBe(
      'Q: When are you open? @ oslo',
    );
    expect(renderTemplate('{{alias}}', scope)).toBe('from alias');
    expect(renderTemplate('{{context["opening hours"]}} {{items[1].name}}', scope)).toBe('10-18 second');
    expect(
      renderTemplate('[{{missing}}] [{{missing | n/a}}] [{{nothing | empty}}] [{{nothing}}]', scope),
    ).toBe('[] [n/a] [empty] []');
    expect(renderTemplate('{{count}} {{flag}} {{context.nested}}', scope)).toBe(
      '3 false {"deep":[1,{"x":"y"}]}',
    );
  });

  it('leaves escapes, unclosed braces and invalid paths as typed', () => {
    expect(renderTemplate('\\{{message}} {{message', scope)).toBe('{{message}} {{message');
    expect(renderTemplate('{{a..b}} ok', scope)).toBe('{{a..b}} ok');
    expect(renderTemplate('{{constructor}}{{__proto__}}', scope)).toBe('');
  });

  it('inserts payload text verbatim, never evaluating it', () => {
    const hostile = layeredScope({ message: '{{chat_id}} ${process.exit()} <script>' });
    expect(renderTemplate('{{message}}', hostile)).toBe('{{chat_id}} ${process.exit()} <script>');
  });

  it('bounds the rendered size', () => {
    const big = layeredScope({ blob: 'x'.repeat(1024 * 1024) });
    expect(() => renderTemplate('{{blob}}'.repeat(5), big)).toThrow(TemplateTooLargeError);
    expect(renderTemplate('{{blob}}'.repeat(3), big).length).toBeLessThanOrEqual(MAX_RENDERED_CHARS);
  });
});

describe('JSON templates', () => {
  it('keeps the type of whole-value placeholders and renders strings inside', () => {
    const rendered = renderJsonTemplate(
      {
        reply: 'Hi, {{message}}',
        new_context: '{{context}}',
        n: '{{count}}',
        f: '{{flag}}',
        none: '{{nothing}}',
        missing: '{{missing}}',
        list: ['{{items[0]}}', 'x {{count}}'],
        '{{message}}': 'keys are not templates',
        untouched: 42,
      },
      scope,
    );
    expect(rendered).toEqual({
      reply: 'Hi, When are you open?',
      new_context: payload.context,
      n: 3,
      f: false,
      none: null,
      missing: '',
      list: [{ name: 'first' }, 'x 3'],
      '{{message}}': 'keys are not templates',
      untouched: 42,
    });
  });

  it('lists placeholders and flags invalid ones', () => {
    expect(listPlaceholders({ a: '{{message}} {{context.store | x}}', b: ['{{chat_id}}'] }).sort()).toEqual([
      'chat_id',
      'context.store',
      'message',
    ]);
    expect(templateProblems({ a: '{{ok}} {{bad..path}} \\{{ignored..}}' })).toHaveLength(1);
    expect(templateProblems('{{fine.path[0]}}')).toEqual([]);
  });
});
