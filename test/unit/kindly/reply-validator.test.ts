import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  KindlyReply,
  validateKindlyReply,
  validateKindlyReplyText,
  type KindlyIssue,
  type KindlyValidation,
} from '../../../shared/kindly/index.js';
import { KINDLY_DOC_REPLIES } from '../../fixtures/kindly-replies.js';

type Severity = 'error' | 'warning' | 'note';
interface BrokenReply {
  name: string;
  reply: unknown;
  severity: Severity;
  path: string;
  code: string;
  /** Part of the message a person reads, e.g. the suggested key. */
  says?: RegExp;
}

function doc(name: string): Record<string, unknown> {
  const reply = KINDLY_DOC_REPLIES[name];
  if (!reply) throw new Error(`No doc example "${name}"`);
  return structuredClone(reply) as Record<string, unknown>;
}
const textButtons = () => doc('docs §5.1 text + buttons');
const carousel = () => doc('docs §5.2 image carousel');
const form = () => doc('docs §5.3 form with validators');

type Container = Record<string | number, unknown>;

/** The container holding the last segment of a path like `form.fields[2].slug`, and that segment. */
function parent(reply: unknown, path: string): [Container, string | number] {
  const segments = [...path.matchAll(/([A-Za-z_$][\w$]*)|\[(\d+)\]/gu)].map(
    ([, key, index]) => key ?? Number(index),
  );
  const last = segments.pop();
  if (last === undefined) throw new Error(`Empty path`);
  let container = reply as Container;
  for (const segment of segments) container = container[segment] as Container;
  return [container, last];
}

/** The reply with the value at `path` replaced (the base is a fresh copy). */
function set(reply: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const [container, key] = parent(reply, path);
  container[key] = value;
  return reply;
}
function del(reply: Record<string, unknown>, path: string): Record<string, unknown> {
  const [container, key] = parent(reply, path);
  delete container[key];
  return reply;
}
function rename(reply: Record<string, unknown>, path: string, to: string): Record<string, unknown> {
  const [container, key] = parent(reply, path);
  container[to] = container[key];
  delete container[key];
  return reply;
}
function push(reply: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const [container, key] = parent(reply, path);
  (container[key] as unknown[]).push(value);
  return reply;
}

const field = (overrides: Record<string, unknown> = {}) => ({
  input_type: 'text',
  required: true,
  order: 0,
  texts: { label: 'Name' },
  ...overrides,
});

const CATALOGUE: BrokenReply[] = [
  {
    name: 'six form fields',
    reply: push(form(), 'form.fields', field({ order: 5, slug: 'extra' })),
    severity: 'error',
    path: 'form.fields[5]',
    code: 'form.too_many_fields',
    says: /at most 5 fields; this one has 6/u,
  },
  {
    name: 'an email button on a carousel card',
    reply: set(carousel(), 'image_carousel[0].buttons[1]', {
      id: 'x',
      button_type: 'email',
      label: 'Mail',
      value: 'a@b.no',
    }),
    severity: 'error',
    path: 'image_carousel[0].buttons[1].button_type',
    code: 'carousel.unsupported_button_type',
  },
  {
    name: 'a made-up carousel button type',
    reply: set(carousel(), 'image_carousel[0].buttons[2].button_type', 'postback'),
    severity: 'error',
    path: 'image_carousel[0].buttons[2].button_type',
    code: 'carousel.unsupported_button_type',
  },
  {
    name: 'a misspelled top-level key',
    reply: rename(textButtons(), 'buttons', 'butons'),
    severity: 'error',
    path: 'butons',
    code: 'misspelled_key',
    says: /did you mean `buttons`/u,
  },
  {
    name: 'a camelCase top-level key',
    reply: { imageCarousel: [] },
    severity: 'error',
    path: 'imageCarousel',
    code: 'misspelled_key',
    says: /did you mean `image_carousel`/u,
  },
  {
    name: 'a misspelled field key',
    reply: rename(form(), 'form.fields[2].attributes', 'atributes'),
    severity: 'error',
    path: 'form.fields[2].atributes',
    code: 'misspelled_key',
    says: /did you mean `attributes`/u,
  },
  {
    name: 'a well-known wrong key: `text` for `reply`',
    reply: { text: 'Hello' },
    severity: 'error',
    path: 'text',
    code: 'misspelled_key',
    says: /did you mean `reply`/u,
  },
  {
    name: 'the Application API’s `type` on a webhook button',
    reply: { buttons: [{ type: 'quick_reply', label: 'Hi', value: 'Hi' }] },
    severity: 'error',
    path: 'buttons[0].type',
    code: 'misspelled_key',
    says: /did you mean `button_type`/u,
  },
  {
    name: 'a button without a type',
    reply: { buttons: [{ label: 'Hi', value: 'Hi' }] },
    severity: 'error',
    path: 'buttons[0]',
    code: 'button.missing_type',
  },
  {
    name: 'an unrelated unknown key',
    reply: { reply: 'Hi', correlation: 'abc-123' },
    severity: 'warning',
    path: 'correlation',
    code: 'unknown_key',
  },
  {
    name: '`reply` together with `aireply`',
    reply: { reply: 'Ignored', aireply: { data: 'order A-1001 shipped' } },
    severity: 'warning',
    path: 'reply',
    code: 'reply.ignored_with_aireply',
  },
  {
    name: '`aireply` without data',
    reply: { aireply: {} },
    severity: 'error',
    path: 'aireply',
    code: 'aireply.missing_data',
  },
  {
    name: 'a label that is a number',
    reply: { labels: ['vip', 7] },
    severity: 'error',
    path: 'labels[1]',
    code: 'labels.not_string',
  },
  {
    name: 'a label that is an object',
    reply: { labels: [{ id: 1, name: 'vip' }] },
    severity: 'error',
    path: 'labels[0]',
    code: 'labels.not_string',
  },
  {
    name: 'labels as one string',
    reply: { labels: 'vip' },
    severity: 'error',
    path: 'labels',
    code: 'wrong_type',
    says: /\["vip"\]/u,
  },
  {
    name: 'a duplicated label',
    reply: { labels: ['vip', 'vip'] },
    severity: 'warning',
    path: 'labels[1]',
    code: 'labels.duplicate',
  },
  {
    name: 'a link button whose value is text',
    reply: set(textButtons(), 'buttons[1].value', 'See our opening hours'),
    severity: 'error',
    path: 'buttons[1].value',
    code: 'url.not_a_url',
  },
  {
    name: 'a link button with a relative path',
    reply: set(textButtons(), 'buttons[1].value', '/stores/oslo'),
    severity: 'error',
    path: 'buttons[1].value',
    code: 'url.not_a_url',
  },
  {
    name: 'a javascript: link',
    reply: set(textButtons(), 'buttons[1].value', 'javascript:alert(document.cookie)'),
    severity: 'error',
    path: 'buttons[1].value',
    code: 'url.unsafe_scheme',
  },
  {
    name: 'a javascript: link disguised with a tab and capitals',
    reply: set(textButtons(), 'buttons[1].value', ' Java\tScript:alert(1)'),
    severity: 'error',
    path: 'buttons[1].value',
    code: 'url.unsafe_scheme',
  },
  {
    name: 'a data: link on a carousel button',
    reply: set(carousel(), 'image_carousel[0].buttons[0].value', 'data:text/html,<script>alert(1)</script>'),
    severity: 'error',
    path: 'image_carousel[0].buttons[0].value',
    code: 'url.unsafe_scheme',
  },
  {
    name: 'a mailto: link instead of an email button',
    reply: set(textButtons(), 'buttons[1].value', 'mailto:oslo@shop.example.com'),
    severity: 'warning',
    path: 'buttons[1].value',
    code: 'url.other_scheme',
  },
  {
    name: 'an email button without an address',
    reply: set(textButtons(), 'buttons[3].value', 'oslo at shop'),
    severity: 'error',
    path: 'buttons[3].value',
    code: 'button.not_email',
  },
  {
    name: 'a phone button with words',
    reply: set(textButtons(), 'buttons[2].value', 'call the store'),
    severity: 'error',
    path: 'buttons[2].value',
    code: 'button.not_phone',
  },
  {
    name: 'a phone number as a JSON number',
    reply: set(textButtons(), 'buttons[2].value', 4722000000),
    severity: 'error',
    path: 'buttons[2].value',
    code: 'wrong_type',
    says: /in quotes/u,
  },
  {
    name: 'an empty button label',
    reply: set(textButtons(), 'buttons[0].label', '  '),
    severity: 'error',
    path: 'buttons[0].label',
    code: 'button.empty_label',
  },
  {
    name: 'a misspelled reply button type',
    reply: set(textButtons(), 'buttons[0].button_type', 'quick-reply'),
    severity: 'error',
    path: 'buttons[0].button_type',
    code: 'button.unknown_type',
    says: /did you mean `quick_reply`/u,
  },
  {
    name: '`open_in_new_tab` as a string',
    reply: set(textButtons(), 'buttons[1].open_in_new_tab', 'true'),
    severity: 'error',
    path: 'buttons[1].open_in_new_tab',
    code: 'wrong_type',
    says: /without quotes/u,
  },
  {
    name: '`open_in_new_tab` on a quick reply',
    reply: set(textButtons(), 'buttons[0].open_in_new_tab', true),
    severity: 'warning',
    path: 'buttons[0].open_in_new_tab',
    code: 'button.new_tab_not_link',
  },
  {
    name: 'a button context that is a string',
    reply: set(textButtons(), 'buttons[4].context', 'oslo'),
    severity: 'error',
    path: 'buttons[4].context',
    code: 'wrong_type',
  },
  {
    name: '`buttons` as a single object',
    reply: { reply: 'Hi', buttons: { button_type: 'quick_reply', label: 'Hi', value: 'Hi' } },
    severity: 'error',
    path: 'buttons',
    code: 'wrong_type',
    says: /wrap the object in \[ \]/u,
  },
  {
    name: 'both `exchange_id` and `exchange_slug`',
    reply: { exchange_id: 'b2c7d1e4-5f60-4a8b-9c0d-1e2f3a4b5c6d', exchange_slug: 'order-status' },
    severity: 'error',
    path: 'exchange_slug',
    code: 'trigger.both',
  },
  {
    name: 'a slug in `exchange_id`',
    reply: { exchange_id: 'order-status-result' },
    severity: 'warning',
    path: 'exchange_id',
    code: 'trigger.id_not_uuid',
  },
  {
    name: 'a number in `exchange_id`',
    reply: { exchange_id: 1234 },
    severity: 'error',
    path: 'exchange_id',
    code: 'wrong_type',
  },
  {
    name: 'a dialogue trigger together with a reply',
    reply: { reply: 'One moment', exchange_slug: 'order-status' },
    severity: 'warning',
    path: 'exchange_slug',
    code: 'trigger.with_reply',
  },
  {
    name: 'a select field without options',
    reply: del(form(), 'form.fields[3].attributes'),
    severity: 'error',
    path: 'form.fields[3]',
    code: 'field.missing_options',
  },
  {
    name: 'a radio field with an empty option list',
    reply: { form: { fields: [field({ input_type: 'radio', attributes: { options: [] } })] } },
    severity: 'error',
    path: 'form.fields[0].attributes.options',
    code: 'field.missing_options',
  },
  {
    name: 'options on a text field',
    reply: { form: { fields: [field({ attributes: { options: [{ value: 'a', label: 'A' }] } })] } },
    severity: 'warning',
    path: 'form.fields[0].attributes.options',
    code: 'field.options_unused',
  },
  {
    name: 'an option without a label',
    reply: del(form(), 'form.fields[3].attributes.options[1].label'),
    severity: 'error',
    path: 'form.fields[3].attributes.options[1]',
    code: 'option.missing_label',
  },
  {
    name: 'a default that is not an option',
    reply: set(form(), 'form.fields[3].attributes.default_value', '19:00'),
    severity: 'warning',
    path: 'form.fields[3].attributes.default_value',
    code: 'field.default_not_option',
  },
  {
    name: 'duplicate slugs',
    reply: set(form(), 'form.fields[4].slug', 'name'),
    severity: 'error',
    path: 'form.fields[4].slug',
    code: 'field.duplicate_slug',
  },
  {
    name: 'duplicate orders',
    reply: set(form(), 'form.fields[4].order', 1),
    severity: 'warning',
    path: 'form.fields[4].order',
    code: 'field.duplicate_order',
  },
  {
    name: '`required` as "yes"',
    reply: set(form(), 'form.fields[0].required', 'yes'),
    severity: 'error',
    path: 'form.fields[0].required',
    code: 'wrong_type',
  },
  {
    name: '`order` as a string',
    reply: set(form(), 'form.fields[1].order', '1'),
    severity: 'error',
    path: 'form.fields[1].order',
    code: 'wrong_type',
    says: /Write 1 without quotes/u,
  },
  {
    name: '`step` as a string',
    reply: set(form(), 'form.fields[2].attributes.step', '1'),
    severity: 'error',
    path: 'form.fields[2].attributes.step',
    code: 'wrong_type',
  },
  {
    name: 'a zero step',
    reply: set(form(), 'form.fields[2].attributes.step', 0),
    severity: 'error',
    path: 'form.fields[2].attributes.step',
    code: 'field.step_not_positive',
  },
  {
    name: 'an unknown input type',
    reply: set(form(), 'form.fields[3].input_type', 'dropdown'),
    severity: 'error',
    path: 'form.fields[3].input_type',
    code: 'field.unknown_input_type',
    says: /did you mean `select`/u,
  },
  {
    name: 'a field without an input type',
    reply: del(form(), 'form.fields[0].input_type'),
    severity: 'error',
    path: 'form.fields[0]',
    code: 'field.missing_input_type',
  },
  {
    name: 'a field label outside `texts`',
    reply: { form: { fields: [{ input_type: 'text', required: true, order: 0, label: 'Name' }] } },
    severity: 'error',
    path: 'form.fields[0].label',
    code: 'misspelled_key',
    says: /did you mean `texts.label`/u,
  },
  {
    name: 'a field without a label',
    reply: { form: { fields: [{ input_type: 'text', required: true, order: 0, texts: {} }] } },
    severity: 'error',
    path: 'form.fields[0].texts',
    code: 'field.missing_label',
  },
  {
    name: 'a form without fields',
    reply: { form: { texts: { title: 'Empty' }, fields: [] } },
    severity: 'error',
    path: 'form.fields',
    code: 'form.no_fields',
  },
  {
    name: 'a form title outside `texts`',
    reply: { form: { title: 'Booking', fields: [field()] } },
    severity: 'error',
    path: 'form.title',
    code: 'misspelled_key',
    says: /texts\.title/u,
  },
  {
    name: 'an invalid regular expression',
    reply: set(form(), 'form.fields[4].validators[0].pattern', '^([0-9]+$'),
    severity: 'error',
    path: 'form.fields[4].validators[0].pattern',
    code: 'validator.bad_pattern',
  },
  {
    name: 'min_length above max_length',
    reply: set(form(), 'form.fields[0].validators[0].min_length', 100),
    severity: 'error',
    path: 'form.fields[0].validators[1].max_length',
    code: 'validator.min_over_max',
  },
  {
    name: 'two rules in one validator object',
    reply: { form: { fields: [field({ validators: [{ min_length: 2, max_length: 8 }] })] } },
    severity: 'warning',
    path: 'form.fields[0].validators[0]',
    code: 'validator.multiple_rules',
  },
  {
    name: 'a length rule on a number field',
    reply: { form: { fields: [field({ input_type: 'number', validators: [{ min_length: 2 }] })] } },
    severity: 'warning',
    path: 'form.fields[0].validators[0].min_length',
    code: 'validator.rule_unused',
  },
  {
    name: 'a `trigger_dialogue` reply button',
    reply: set(textButtons(), 'buttons[4].button_type', 'trigger_dialogue'),
    severity: 'warning',
    path: 'buttons[4].button_type',
    code: 'button.trigger_spelling',
  },
  {
    name: 'a `dialogue_trigger` carousel button',
    reply: set(carousel(), 'image_carousel[0].buttons[1].button_type', 'dialogue_trigger'),
    severity: 'warning',
    path: 'image_carousel[0].buttons[1].button_type',
    code: 'carousel.trigger_spelling',
  },
  {
    name: 'a lowercase `imageurl`',
    reply: rename(carousel(), 'image_carousel[1].imageUrl', 'imageurl'),
    severity: 'warning',
    path: 'image_carousel[1].imageurl',
    code: 'carousel.url_key_spelling',
  },
  {
    name: 'a snake_case `link_url`',
    reply: rename(carousel(), 'image_carousel[0].linkUrl', 'link_url'),
    severity: 'warning',
    path: 'image_carousel[0].link_url',
    code: 'carousel.url_key_spelling',
  },
  {
    name: 'both `imageUrl` and `image_url`',
    reply: set(carousel(), 'image_carousel[0].image_url', 'https://cdn.shop.example.com/other.jpg'),
    severity: 'warning',
    path: 'image_carousel[0].image_url',
    code: 'carousel.url_key_duplicate',
  },
  {
    name: 'a card image that is not a URL',
    reply: set(carousel(), 'image_carousel[0].imageUrl', 'jacket blue.jpg'),
    severity: 'error',
    path: 'image_carousel[0].imageUrl',
    code: 'image.not_url',
  },
  {
    name: 'a card image without a scheme',
    reply: set(carousel(), 'image_carousel[0].imageUrl', 'cdn.shop.example.com/jkt-101-navy.jpg'),
    severity: 'error',
    path: 'image_carousel[0].imageUrl',
    code: 'image.not_url',
    says: /https:\/\/cdn/u,
  },
  {
    name: 'a card without an image',
    reply: del(carousel(), 'image_carousel[1].imageUrl'),
    severity: 'warning',
    path: 'image_carousel[1]',
    code: 'carousel.missing_image',
  },
  {
    name: 'duplicate card ids',
    reply: set(carousel(), 'image_carousel[1].id', 'jkt-101'),
    severity: 'warning',
    path: 'image_carousel[1].id',
    code: 'carousel.duplicate_id',
  },
  {
    name: '`image_carousel` as one object',
    reply: { image_carousel: { id: 'a', title: 'A' } },
    severity: 'error',
    path: 'image_carousel',
    code: 'wrong_type',
  },
  {
    name: 'a reply that is a number',
    reply: { reply: 42 },
    severity: 'error',
    path: 'reply',
    code: 'wrong_type',
  },
  {
    name: 'empty paragraphs from four newlines',
    reply: { reply: 'First\n\n\n\nSecond' },
    severity: 'warning',
    path: 'reply',
    code: 'reply.empty_paragraph',
    says: /Paragraph 2 of 3 is empty/u,
  },
  {
    name: 'an empty paragraph at the start',
    reply: { reply: '\n\nHello' },
    severity: 'warning',
    path: 'reply',
    code: 'reply.empty_paragraph',
  },
  {
    name: 'an empty reply',
    reply: { reply: '' },
    severity: 'warning',
    path: 'reply',
    code: 'reply.empty',
  },
  {
    name: '`new_context` as an array',
    reply: { new_context: [{ order_id: 'A-1001' }] },
    severity: 'error',
    path: 'new_context',
    code: 'wrong_type',
  },
  {
    name: '`chatbubble_hide_input_field` as a string',
    reply: { chatbubble_hide_input_field: 'true' },
    severity: 'error',
    path: 'chatbubble_hide_input_field',
    code: 'wrong_type',
  },
  {
    name: '`chatbubble_hide_input_field` nested under settings',
    reply: { settings: { chatbubble_hide_input_field: true }, buttons: [] },
    severity: 'warning',
    path: 'settings.chatbubble_hide_input_field',
    code: 'settings.nested',
  },
  {
    name: 'a deprecated image that is not a URL',
    reply: { image: 'placeholder' },
    severity: 'error',
    path: 'image',
    code: 'image.not_url',
  },
  {
    name: 'alt text without an image',
    reply: { reply: 'Hi', image_alt_text: 'A jacket' },
    severity: 'warning',
    path: 'image_alt_text',
    code: 'image.alt_without_image',
  },
  {
    name: 'an array instead of an object',
    reply: [{ reply: 'Hi' }],
    severity: 'error',
    path: '',
    code: 'root.not_object',
  },
  {
    name: 'null',
    reply: null,
    severity: 'error',
    path: '',
    code: 'root.not_object',
  },
  {
    name: 'a key with a space is quoted in the path',
    reply: { form: { fields: [field({ texts: { label: 'Name', 'help text': 'x' } })] } },
    severity: 'error',
    path: 'form.fields[0].texts["help text"]',
    code: 'misspelled_key',
  },
];

function listOf(result: KindlyValidation, severity: Severity): KindlyIssue[] {
  return severity === 'error' ? result.errors : severity === 'warning' ? result.warnings : result.notes;
}

describe('validateKindlyReply', () => {
  describe('every documented example validates clean', () => {
    for (const [name, reply] of Object.entries(KINDLY_DOC_REPLIES)) {
      it(name, () => {
        const result = validateKindlyReply(reply);
        expect(result.errors).toEqual([]);
        expect(result.warnings).toEqual([]);
        expect(result.valid).toBe(true);
        // The canonical schema (what the builder emits) accepts them too.
        expect(KindlyReply.safeParse(reply).success).toBe(true);
      });
    }
  });

  describe('a catalogue of broken replies each yields its finding at the exact path', () => {
    for (const entry of CATALOGUE) {
      it(entry.name, () => {
        const result = validateKindlyReply(entry.reply);
        const all = [...result.errors, ...result.warnings, ...result.notes];
        const expected = listOf(result, entry.severity);
        const found = expected.find((issue) => issue.path === entry.path && issue.code === entry.code);
        if (!found) {
          throw new Error(
            `Expected ${entry.severity} ${entry.code} at "${entry.path}", got:\n${all
              .map((issue) => `  ${issue.path} ${issue.code}: ${issue.message}`)
              .join('\n')}`,
          );
        }
        if (entry.says) expect(found.message).toMatch(entry.says);
        expect(result.valid).toBe(result.errors.length === 0);
        if (entry.severity === 'error') expect(result.valid).toBe(false);
      });
    }
  });

  it('reports segments that lead to the offending value', () => {
    const reply = set(carousel(), 'image_carousel[0].buttons[1].button_type', 'phone');
    const [issue] = validateKindlyReply(reply).errors;
    expect(issue?.segments).toEqual(['image_carousel', 0, 'buttons', 1, 'button_type']);
    let at: unknown = reply;
    for (const segment of issue?.segments ?? []) at = (at as Record<string | number, unknown>)[segment];
    expect(at).toBe('phone');
  });

  it('keeps findings for independent problems apart', () => {
    const result = validateKindlyReply({
      reply: 'Hi',
      aireply: { data: 'x' },
      labels: [1],
      exchange_id: 'b2c7d1e4-5f60-4a8b-9c0d-1e2f3a4b5c6d',
      exchange_slug: 'x',
    });
    expect(result.errors.map((issue) => issue.code).sort()).toEqual(['labels.not_string', 'trigger.both']);
    expect(result.warnings.map((issue) => issue.code)).toContain('reply.ignored_with_aireply');
    expect(result.warnings.map((issue) => issue.code)).toContain('trigger.with_reply');
  });

  it('notes advice without making a reply unclean', () => {
    const bareHost = validateKindlyReply(doc('seed: image carousel'));
    expect(bareHost.notes.map((issue) => issue.path)).toEqual([
      'image_carousel[0].linkUrl',
      'image_carousel[0].buttons[0].value',
    ]);
    expect(validateKindlyReply({}).notes[0]?.code).toBe('reply.empty_object');
    expect(validateKindlyReply({ chatbubble_hide_input_field: true }).notes[0]?.code).toBe(
      'hide_input.no_way_on',
    );
  });

  it('never throws, whatever value sits under any key', () => {
    const odd: unknown[] = [null, true, 0, -1.5, '', 'x', [], [null], {}, { a: [1, { b: null }] }, [[[]]]];
    const keys = [
      'reply',
      'buttons',
      'image_carousel',
      'form',
      'new_context',
      'exchange_id',
      'exchange_slug',
      'labels',
      'chatbubble_hide_input_field',
      'aireply',
      'image',
      'image_alt_text',
      'settings',
    ];
    for (const key of keys) {
      for (const value of odd) {
        expect(() => validateKindlyReply({ [key]: value })).not.toThrow();
        expect(() => validateKindlyReply({ buttons: [{ button_type: 'link', [key]: value }] })).not.toThrow();
        expect(() =>
          validateKindlyReply({ image_carousel: [{ [key]: value, buttons: [value] }] }),
        ).not.toThrow();
        expect(() =>
          validateKindlyReply({
            form: {
              fields: [
                { input_type: 'select', [key]: value, attributes: { options: [value] }, validators: [value] },
              ],
            },
          }),
        ).not.toThrow();
      }
    }
  });
});

describe('validateKindlyReplyText', () => {
  it('reports text that is not JSON as one root error', () => {
    const { validation } = validateKindlyReplyText('{"reply": "Hi",}');
    expect(validation.errors).toHaveLength(1);
    expect(validation.errors[0]).toMatchObject({ path: '', code: 'json.syntax' });
  });

  it('validates the parsed value', () => {
    const { value, validation } = validateKindlyReplyText('{"labels": [1]}');
    expect(value).toEqual({ labels: [1] });
    expect(validation.errors[0]?.path).toBe('labels[0]');
  });
});

describe('KindlyReply schema', () => {
  it('converts to a JSON Schema an editor can complete from', () => {
    const schema = z.toJSONSchema(KindlyReply) as {
      properties: Record<string, unknown>;
      additionalProperties: boolean;
    };
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining([
        'reply',
        'buttons',
        'image_carousel',
        'form',
        'aireply',
        'chatbubble_hide_input_field',
      ]),
    );
    expect(schema.additionalProperties).toBe(false);
  });

  it('rejects what the validator calls an error in the canonical form', () => {
    const six = push(form(), 'form.fields', field({ order: 5 }));
    expect(KindlyReply.safeParse(six).success).toBe(false);
    const carouselEmail = set(carousel(), 'image_carousel[0].buttons[1].button_type', 'email');
    expect(KindlyReply.safeParse(carouselEmail).success).toBe(false);
  });
});
