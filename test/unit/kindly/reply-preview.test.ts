import { describe, expect, it } from 'vitest';
import {
  buildKindlyPreview,
  describeKindlyReply,
  KindlyPreview,
  validateKindlyReply,
} from '../../../shared/kindly/index.js';
import { KINDLY_DOC_REPLIES } from '../../fixtures/kindly-replies.js';

function doc(name: string): Record<string, unknown> {
  const reply = KINDLY_DOC_REPLIES[name];
  if (!reply) throw new Error(`No doc example "${name}"`);
  return structuredClone(reply) as Record<string, unknown>;
}

/** Follows a preview path like `image_carousel[0].buttons[1]` into the reply. */
function at(reply: unknown, path: string): unknown {
  let value = reply;
  for (const [, key, index] of path.matchAll(/([A-Za-z_$][\w$]*)|\[(\d+)\]/gu)) {
    value = (value as Record<string, unknown>)[key ?? Number(index)];
  }
  return value;
}

describe('buildKindlyPreview', () => {
  it('splits the reply into bubbles and lists buttons by type with safe targets', () => {
    const preview = buildKindlyPreview(doc('docs §5.1 text + buttons'));
    expect(preview.paragraphs.map((p) => p.text)).toEqual([
      'On Saturdays we are open 10:00–18:00.',
      'Anything else I can help with?',
    ]);
    expect(preview.buttons.map((b) => [b.kind, b.label, b.href])).toEqual([
      ['quick_reply', 'Sunday hours?', null],
      ['link', 'All opening hours', 'https://shop.example.com/stores/oslo#hours'],
      ['phone', 'Call the store', 'tel:+4722000000'],
      ['email', 'E-mail us', 'mailto:oslo@shop.example.com'],
      ['dialogue_trigger', 'Book a fitting', null],
    ]);
    expect(preview.buttons[1]?.opensInNewTab).toBe(true);
    expect(preview.buttons[4]?.context).toEqual({ booking_store: 'oslo-sentrum' });
    expect(preview.isEmpty).toBe(false);
  });

  it('renders carousel cards with their buttons, folding both trigger spellings', () => {
    const reply = doc('docs §5.2 image carousel');
    const preview = buildKindlyPreview(reply);
    expect(preview.carousel).toHaveLength(2);
    const [first, second] = preview.carousel;
    expect(first).toMatchObject({
      id: 'jkt-101',
      title: 'Fjord Shell – Navy',
      imageUrl: 'https://cdn.shop.example.com/jkt-101-navy.jpg',
      imageKey: 'imageUrl',
      linkUrl: 'https://shop.example.com/p/jkt-101',
    });
    expect(first?.buttons.map((b) => b.kind)).toEqual(['link', 'dialogue_trigger', 'quick_reply']);
    expect(first?.buttons[1]).toMatchObject({ buttonType: 'trigger_dialogue', id: 'jkt-101-stock' });
    expect(second?.buttons).toEqual([]);
  });

  it('reads a carousel image under any key spelling, as the validator accepts it', () => {
    const reply = doc('docs §5.2 image carousel');
    const card = (reply.image_carousel as Record<string, unknown>[])[0]!;
    card.image_url = card.imageUrl;
    delete card.imageUrl;
    const preview = buildKindlyPreview(reply);
    expect(preview.carousel[0]).toMatchObject({
      imageUrl: 'https://cdn.shop.example.com/jkt-101-navy.jpg',
      imageKey: 'image_url',
    });
    expect(validateKindlyReply(reply).warnings.map((w) => w.path)).toEqual(['image_carousel[0].image_url']);
  });

  it('shows form fields in `order`, with their options, defaults and rules', () => {
    const reply = doc('docs §5.3 form with validators');
    const fields = (reply.form as { fields: Record<string, unknown>[] }).fields;
    fields.reverse();
    const preview = buildKindlyPreview(reply);
    expect(preview.form?.title).toBe('Table booking');
    expect(preview.form?.submitText).toBe('Book');
    expect(preview.form?.fields.map((f) => f.slug)).toEqual(['name', 'email', 'guests', 'time', 'phone']);
    expect(preview.form?.fields.map((f) => f.index)).toEqual([4, 3, 2, 1, 0]);
    const guests = preview.form?.fields[2];
    expect(guests).toMatchObject({ inputType: 'number', defaultValue: 2, step: 1, required: true });
    expect(guests?.rules).toEqual(['minimum 1', 'maximum 12']);
    expect(preview.form?.fields[3]?.options).toEqual([
      { value: '18:00', label: '18:00' },
      { value: '20:00', label: '20:00' },
    ]);
    expect(preview.form?.fields[0]?.rules).toEqual(['at least 2 characters', 'at most 80 characters']);
    // Each field's path points at that field in the reply as sent.
    for (const field of preview.form?.fields ?? [])
      expect((at(reply, field.path) as { slug: string }).slug).toBe(field.slug);
  });

  it('annotates a dialogue trigger, context writes and labels', () => {
    const preview = buildKindlyPreview(doc('docs §5.4 trigger a dialogue by slug with new context'));
    expect(preview.paragraphs).toEqual([]);
    expect(preview.annotations.map((a) => a.kind)).toEqual(['exchange_trigger', 'new_context', 'labels']);
    expect(preview.annotations[0]).toMatchObject({ by: 'exchange_slug', target: 'order-status-result' });
    expect(preview.annotations[2]).toMatchObject({ labels: ['orders'] });
  });

  it('marks the reply ignored under aireply, and the input hidden', () => {
    const ai = buildKindlyPreview({ reply: 'ignored', aireply: { data: { a: 1 } } });
    expect(ai.replyIgnored).toBe(true);
    expect(ai.annotations[0]).toMatchObject({ kind: 'aireply', data: { a: 1 } });
    const hidden = buildKindlyPreview({ settings: { chatbubble_hide_input_field: true } });
    expect(hidden.inputHidden).toBe(true);
    expect(hidden.annotations[0]).toMatchObject({
      kind: 'hide_input',
      path: 'settings.chatbubble_hide_input_field',
    });
  });

  it('keeps empty bubbles at the indexes the validator names', () => {
    const reply = { reply: 'First\n\n\n\nSecond' };
    expect(buildKindlyPreview(reply).paragraphs.map((p) => p.text)).toEqual(['First', '', 'Second']);
    expect(validateKindlyReply(reply).warnings[0]?.message).toMatch(/Paragraph 2 of 3/u);
  });

  it('never gives an unsafe link target', () => {
    const preview = buildKindlyPreview({
      buttons: [
        { button_type: 'link', label: 'x', value: 'javascript:alert(1)' },
        { button_type: 'link', label: 'y', value: 'data:text/html,hi' },
        { button_type: 'email', label: 'z', value: 'javascript:alert(1)' },
      ],
      image_carousel: [{ id: 'a', imageUrl: 'javascript:alert(1)', linkUrl: 'vbscript:x' }],
      image: 'data:image/png;base64,AAAA',
    });
    expect(preview.buttons.map((b) => b.href)).toEqual([null, null, null]);
    expect(preview.carousel[0]).toMatchObject({ imageUrl: null, linkUrl: null });
    expect(preview.image?.url).toBeNull();
  });

  it('conforms to its contract schema for every example and odd input', () => {
    const inputs: unknown[] = [
      ...Object.values(KINDLY_DOC_REPLIES),
      null,
      [],
      'text',
      { buttons: [1, null, { button_type: 5 }] },
      { form: { fields: [null, { order: 'x' }, { texts: 3 }] } },
      { image_carousel: [null, { buttons: 'x' }] },
      { labels: [1, '', 'ok'], new_context: {} },
    ];
    for (const input of inputs) expect(KindlyPreview.safeParse(buildKindlyPreview(input)).success).toBe(true);
  });

  it('points every button and card at the place the validator reports', () => {
    const reply = doc('docs §5.2 image carousel');
    (reply.image_carousel as { buttons: Record<string, unknown>[] }[])[0]!.buttons[1]!.button_type = 'phone';
    const [error] = validateKindlyReply(reply).errors;
    const preview = buildKindlyPreview(reply);
    const button = preview.carousel[0]?.buttons.find((b) => error?.path.startsWith(`${b.path}.`));
    expect(button).toMatchObject({ label: 'Check my size', kind: 'phone' });
  });
});

describe('describeKindlyReply', () => {
  it('is the message text when there is one', () => {
    expect(describeKindlyReply(buildKindlyPreview(doc('seed: reply paragraphs')))).toBe(
      'Text that the bot will say\n\nText on new line',
    );
  });

  it('describes replies without text', () => {
    expect(
      describeKindlyReply(buildKindlyPreview(doc('docs §5.4 trigger a dialogue by slug with new context'))),
    ).toBe('Triggers dialogue order-status-result');
    expect(describeKindlyReply(buildKindlyPreview(doc('seed: image carousel')))).toBe(
      'Carousel: Carousel title',
    );
    expect(describeKindlyReply(buildKindlyPreview(doc('seed: form')))).toBe('Form “Form title” (1 field)');
    expect(describeKindlyReply(buildKindlyPreview(doc('seed: new_context')))).toBe('Context: some_key');
    expect(describeKindlyReply(buildKindlyPreview(doc('docs §3.9 aireply')))).toBe('AI reply from data');
    expect(describeKindlyReply(buildKindlyPreview({}))).toBe('');
  });
});
