import { describe, expect, it } from 'vitest';
import {
  fillKindlyTemplate,
  listTemplatePlaceholders,
} from '../../../renderer/features/kindly-studio/model/template-fill.js';
import { KINDLY_TEXT_REQUEST } from '../../fixtures/kindly.js';

describe('filling reply templates from a Kindly payload', () => {
  it('fills message, context, aliases and typed values, and reports each placeholder', () => {
    const template = JSON.stringify({
      reply: 'You asked: {{message}} ({{ context.store }}, {{user_id}})',
      new_context: { last_chat: '{{chat_id}}', copy: '{{context}}', missing: '{{context.nope | none}}' },
    });
    const fill = fillKindlyTemplate(template, KINDLY_TEXT_REQUEST);
    expect(fill.error).toBeNull();
    const reply = JSON.parse(fill.text) as Record<string, unknown>;
    expect(reply.reply).toBe(
      `You asked: ${KINDLY_TEXT_REQUEST.message} (${KINDLY_TEXT_REQUEST.context.store}, ${KINDLY_TEXT_REQUEST.user_id})`,
    );
    expect(reply.new_context).toEqual({
      last_chat: KINDLY_TEXT_REQUEST.chat_id,
      copy: KINDLY_TEXT_REQUEST.context,
      missing: 'none',
    });
    const byPath = Object.fromEntries(fill.resolutions.map((r) => [r.path, r]));
    expect(byPath.message).toMatchObject({ found: true, value: KINDLY_TEXT_REQUEST.message, kept: false });
    expect(byPath['context.nope']).toMatchObject({ found: false, value: 'none' });
    expect(byPath.user_id).toMatchObject({ found: true });
  });

  it('fills text templates (placeholders outside JSON strings) as text', () => {
    const fill = fillKindlyTemplate('{"new_context": {"bot": {{bot_id}}}}', KINDLY_TEXT_REQUEST);
    expect(JSON.parse(fill.text)).toEqual({ new_context: { bot: KINDLY_TEXT_REQUEST.bot_id } });
  });

  it('keeps request variables as typed and never evaluates anything', () => {
    const fill = fillKindlyTemplate('{"reply": "{{$now}} {{constructor}} {{__proto__.x}}"}', {
      message: 'hi',
    });
    expect(JSON.parse(fill.text)).toEqual({ reply: '{{$now}}  ' });
    expect(fill.resolutions.find((r) => r.path === '$now')).toMatchObject({ kept: true });
  });

  it('lists placeholders without a payload', () => {
    expect(listTemplatePlaceholders('{"reply": "{{message}} {{message}} {{context.a | b}}"}')).toEqual([
      { raw: '{{message}}', path: 'message', found: false, value: undefined, kept: true },
      { raw: '{{context.a | b}}', path: 'context.a', found: false, value: undefined, kept: true },
    ]);
  });
});
