import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callFailing } from '../helpers/api-call.js';
import { startTestCore, type TestCore } from '../helpers/test-core.js';
import { KINDLY_DOC_REPLIES } from '../fixtures/kindly-replies.js';

describe('kindly.validate (real API)', () => {
  let app: TestCore;
  beforeAll(async () => {
    app = await startTestCore();
  });
  afterAll(async () => {
    await app.stop();
  });

  it('answers findings and the preview for a JSON value', async () => {
    const result = await app.call('kindly.validate', {
      response: KINDLY_DOC_REPLIES['docs §5.2 image carousel'],
    });
    expect(result).toMatchObject({ valid: true, errors: [], warnings: [] });
    expect(result.preview.carousel.map((card) => card.id)).toEqual(['jkt-101', 'jkt-204']);
    expect(result.preview.paragraphs.map((p) => p.text)).toEqual(['Here are our blue jackets in stock:']);
  });

  it('accepts JSON text, as an editor holds it, and reports a syntax error at the root', async () => {
    const six = {
      form: {
        fields: Array.from({ length: 6 }, (_, order) => ({
          input_type: 'text',
          required: false,
          order,
          texts: { label: `Field ${order}` },
        })),
      },
    };
    const result = await app.call('kindly.validate', { text: JSON.stringify(six, null, 2) });
    expect(result.valid).toBe(false);
    expect(result.errors).toEqual([
      {
        path: 'form.fields[5]',
        segments: ['form', 'fields', 5],
        code: 'form.too_many_fields',
        message: 'A form can have at most 5 fields; this one has 6.',
      },
    ]);
    expect(result.preview.form?.overLimit).toBe(true);

    const broken = await app.call('kindly.validate', { text: '{"reply": ' });
    expect(broken.errors[0]).toMatchObject({ path: '', code: 'json.syntax' });
    expect(broken.preview.isEmpty).toBe(true);
  });

  it('validates null as a value, and wants exactly one of response and text', async () => {
    const nullReply = await app.call('kindly.validate', { response: null });
    expect(nullReply.errors[0]?.code).toBe('root.not_object');
    expect((await callFailing(app, 'kindly.validate', {})).status).toBe(400);
    expect((await callFailing(app, 'kindly.validate', { response: {}, text: '{}' })).status).toBe(400);
  });
});
