import { describe, expect, it } from 'vitest';
import { validateKindlyReply } from '../../../shared/kindly/index.js';
import {
  draftFromText,
  draftFromValue,
  formatReply,
} from '../../../renderer/features/kindly-studio/model/reply-draft.js';
import {
  getAt,
  insertItem,
  moveItem,
  setAt,
  setOptionalText,
  type JsonObject,
} from '../../../renderer/features/kindly-studio/model/reply-edit.js';
import {
  newCarouselButton,
  newCarouselCard,
  newForm,
  newFormField,
  newReplyButton,
  withButtonType,
  withInputType,
} from '../../../renderer/features/kindly-studio/model/reply-parts.js';
import { KINDLY_DOC_REPLIES } from '../../fixtures/kindly-replies.js';

/** Every leaf of a JSON value with its path, in document order. */
function leaves(value: unknown, path: (string | number)[] = []): [(string | number)[], unknown][] {
  if (Array.isArray(value)) {
    if (value.length === 0) return [[path, []]];
    return value.flatMap((item, index) => leaves(item, [...path, index]));
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    if (entries.length === 0) return [[path, {}]];
    return entries.flatMap(([key, item]) => leaves(item, [...path, key]));
  }
  return [[path, value]];
}

describe('builder edits (setAt and friends)', () => {
  it('rebuilds every documented reply leaf by leaf, and reads it back from its JSON', () => {
    for (const [name, example] of Object.entries(KINDLY_DOC_REPLIES)) {
      let built: JsonObject = {};
      for (const [path, value] of leaves(example)) if (path.length > 0) built = setAt(built, path, value);
      expect(built, name).toEqual(example);
      // Through the JSON text and back: the builder sees exactly what it wrote.
      expect(draftFromText(formatReply(built), null).value, name).toEqual(example);
    }
  });

  it('never mutates the reply it is given', () => {
    const reply = structuredClone(KINDLY_DOC_REPLIES['docs §5.1 text + buttons']) as JsonObject;
    const frozen = structuredClone(reply);
    setAt(reply, ['buttons', 0, 'label'], 'Changed');
    insertItem(reply, ['buttons'], newReplyButton('email'));
    moveItem(reply, ['buttons'], 0, 3);
    expect(reply).toEqual(frozen);
  });

  it('inserts new keys where the schema lists them and leaves unknown keys in place', () => {
    let reply: JsonObject = { labels: ['vip'], x_custom: 1 };
    reply = setAt(reply, ['reply'], 'Hi');
    reply = setAt(reply, ['buttons'], []);
    reply = setAt(reply, ['new_context', 'step'], 2);
    expect(Object.keys(reply)).toEqual(['reply', 'buttons', 'new_context', 'labels', 'x_custom']);
    // Inside a link button, open_in_new_tab goes after value (the link branch of the union).
    reply = insertItem(reply, ['buttons'], {
      button_type: 'link',
      label: 'Open',
      value: 'https://a.example',
    });
    reply = setAt(reply, ['buttons', 0, 'open_in_new_tab'], true);
    reply = setAt(reply, ['buttons', 0, 'context', 'from'], 'button');
    expect(Object.keys(getAt(reply, ['buttons', 0]) as object)).toEqual([
      'button_type',
      'label',
      'value',
      'context',
      'open_in_new_tab',
    ]);
  });

  it('removes emptied optional texts and wrapper objects, but keeps required ones', () => {
    let reply: JsonObject = { form: newForm() };
    reply = setOptionalText(reply, ['form', 'texts', 'title'], 'Book');
    expect(getAt(reply, ['form', 'texts', 'title'])).toBe('Book');
    for (const key of ['title', 'submit_button_text', 'cancel_button_text'])
      reply = setOptionalText(reply, ['form', 'texts', key], '');
    expect(getAt(reply, ['form', 'texts'])).toBeUndefined();
    reply = setAt(reply, ['form', 'fields', 0, 'attributes', 'step'], 5);
    reply = setAt(reply, ['form', 'fields', 0, 'attributes', 'step'], undefined);
    expect(getAt(reply, ['form', 'fields', 0])).not.toHaveProperty('attributes');
    // A field's label is required: emptying it keeps "" for the validator to point at.
    reply = setAt(reply, ['form', 'fields', 0, 'texts', 'label'], '');
    expect(getAt(reply, ['form', 'fields', 0, 'texts'])).toEqual({ label: '' });
  });

  it('moves and removes array items', () => {
    let reply: JsonObject = { labels: ['a', 'b', 'c'] };
    reply = moveItem(reply, ['labels'], 0, 2);
    expect(reply.labels).toEqual(['b', 'c', 'a']);
    reply = moveItem(reply, ['labels'], 2, 99);
    expect(reply.labels).toEqual(['b', 'c', 'a']);
    reply = setAt(reply, ['labels', 1], undefined);
    expect(reply.labels).toEqual(['b', 'a']);
  });
});

describe('builder parts', () => {
  it('builds the e2e scenario reply (text, two buttons, two cards, two fields) that validates clean', () => {
    let reply: JsonObject = {};
    reply = setAt(reply, ['reply'], 'Here you go.\n\nAnything else?');
    reply = insertItem(reply, ['buttons'], newReplyButton('quick_reply'));
    reply = setAt(reply, ['buttons', 0, 'label'], 'Yes');
    reply = setAt(reply, ['buttons', 0, 'value'], 'Yes please');
    reply = insertItem(reply, ['buttons'], newReplyButton('quick_reply'));
    reply = setAt(reply, ['buttons', 1], withButtonType(getAt(reply, ['buttons', 1]) as JsonObject, 'link'));
    reply = setAt(reply, ['buttons', 1, 'label'], 'Site');
    reply = setAt(reply, ['buttons', 1, 'value'], 'https://shop.example.com');
    for (let i = 0; i < 2; i++) {
      reply = insertItem(
        reply,
        ['image_carousel'],
        newCarouselCard((reply.image_carousel as unknown[]) ?? []),
      );
      reply = setAt(reply, ['image_carousel', i, 'title'], `Card ${i + 1}`);
      reply = setAt(reply, ['image_carousel', i, 'imageUrl'], `https://cdn.example.com/${i}.jpg`);
      const card = getAt(reply, ['image_carousel', i]) as JsonObject;
      reply = insertItem(reply, ['image_carousel', i, 'buttons'], newCarouselButton(card));
      reply = setAt(reply, ['image_carousel', i, 'buttons', 0, 'label'], 'More');
      reply = setAt(reply, ['image_carousel', i, 'buttons', 0, 'value'], 'Tell me more');
    }
    reply = setAt(reply, ['form'], newForm());
    reply = setAt(reply, ['form', 'texts', 'title'], 'Contact');
    reply = setAt(reply, ['form', 'fields', 0, 'texts', 'label'], 'Name');
    const fields = getAt(reply, ['form', 'fields']) as unknown[];
    reply = insertItem(reply, ['form', 'fields'], newFormField(fields, 'select'));
    reply = setAt(reply, ['form', 'fields', 1, 'texts', 'label'], 'Store');

    const validation = validateKindlyReply(reply);
    expect(validation.errors).toEqual([]);
    expect(getAt(reply, ['form', 'fields', 1, 'order'])).toBe(2);
    expect(getAt(reply, ['form', 'fields', 1, 'attributes', 'options'])).toHaveLength(1);
    const ids = (reply.image_carousel as JsonObject[]).map((card) => card.id);
    expect(ids).toEqual(['card-1', 'card-2']);
    expect(getAt(reply, ['image_carousel', 1, 'buttons', 0, 'id'])).toBe('card-2-button-1');
    // And the builder reads back what the JSON says.
    expect(draftFromText(draftFromValue(reply).text, null).value).toEqual(reply);
  });

  it('keeps label, value and context when a button changes type; new-tab only on links', () => {
    const link = {
      button_type: 'link',
      label: 'L',
      value: 'https://x.example',
      open_in_new_tab: true,
      context: { a: 1 },
    };
    expect(withButtonType(link, 'quick_reply')).toEqual({
      button_type: 'quick_reply',
      label: 'L',
      value: 'https://x.example',
      context: { a: 1 },
    });
    expect(withButtonType({ label: 'No type', value: 'v' }, 'phone')).toEqual({
      button_type: 'phone',
      label: 'No type',
      value: 'v',
    });
  });

  it('gives select and radio fields a first option, and keeps options on other types', () => {
    const field = newFormField([], 'text');
    const select = withInputType(field, 'select');
    expect(getAt(select, ['attributes', 'options'])).toEqual([{ value: 'option-1', label: 'Option 1' }]);
    expect(withInputType(select, 'checkbox')).toHaveProperty('attributes.options');
    expect(newFormField([{ order: 7 }, { order: 'x' }])).toHaveProperty('order', 8);
  });
});

describe('drafts', () => {
  it('keeps the builder at the last valid reply while the JSON does not parse, and says why', () => {
    const valid = draftFromText('{"reply": "Hi"}', null);
    expect(valid).toEqual({ text: '{"reply": "Hi"}', value: { reply: 'Hi' }, problem: null });
    const broken = draftFromText('{"reply": "Hi",', valid);
    expect(broken.value).toEqual({ reply: 'Hi' });
    expect(broken.problem).toMatch(/does not parse/u);
    const array = draftFromText('[]', broken);
    expect(array.value).toEqual({ reply: 'Hi' });
    expect(array.problem).toMatch(/must be a JSON object, not an array/u);
    expect(draftFromText('  ', array).problem).toMatch(/empty/u);
    expect(draftFromText('{}', array)).toEqual({ text: '{}', value: {}, problem: null });
  });
});
