import { EditorState } from '@codemirror/state';
import { json } from '@codemirror/lang-json';
import { ensureSyntaxTree } from '@codemirror/language';
import { describe, expect, it } from 'vitest';
import { pathAtCursor } from '../../../renderer/lib/json-syntax-path.js';
import { completeKindlyReply } from '../../../renderer/features/kindly-studio/model/reply-completion.js';
import { keyOrderAt, schemaAt } from '../../../renderer/features/kindly-studio/model/reply-json-schema.js';
import { KindlyReply } from '../../../shared/kindly/reply-schema.js';

/** Completion at the `|` in `doc`, as the editor would ask for it. */
function complete(doc: string, root: unknown = {}) {
  const pos = doc.indexOf('|');
  const text = doc.slice(0, pos) + doc.slice(pos + 1);
  const state = EditorState.create({ doc: text, extensions: [json()] });
  ensureSyntaxTree(state, state.doc.length, 5000);
  const cursor = pathAtCursor(state, pos);
  return { cursor, items: completeKindlyReply(cursor, root) };
}

const labels = (items: { label: string }[]) => items.map((item) => item.label);

describe('schema-aware completion', () => {
  it('offers the reply keys not yet used, with their documentation', () => {
    const { items } = complete('{"reply": "x", |}');
    expect(labels(items)).toEqual(Object.keys(KindlyReply.shape).filter((key) => key !== 'reply'));
    expect(items.find((item) => item.label === 'aireply')?.info).toMatch(/ignored/u);
  });

  it('knows which button it is in from its button_type', () => {
    const link = complete('{"buttons": [{"button_type": "link", "label": "a", |}]}');
    expect(link.cursor.container).toEqual(['buttons', 0]);
    expect(labels(link.items)).toEqual(['value', 'context', 'open_in_new_tab']);
    const phone = complete('{"buttons": [{"button_type": "phone", |}]}');
    expect(labels(phone.items)).toEqual(['label', 'value', 'context']);
  });

  it('offers the documented values of a key, per place', () => {
    expect(labels(complete('{"buttons": [{"button_type": |}]}').items)).toEqual([
      '"quick_reply"',
      '"link"',
      '"email"',
      '"phone"',
      '"dialogue_trigger"',
    ]);
    expect(labels(complete('{"image_carousel": [{"buttons": [{"button_type": |}]}]}').items)).toEqual([
      '"trigger_dialogue"',
      '"link"',
      '"quick_reply"',
    ]);
    expect(labels(complete('{"form": {"fields": [{"input_type": |}]}}').items)).toContain('"range"');
    expect(labels(complete('{"chatbubble_hide_input_field": |}').items)).toEqual(['true', 'false']);
  });

  it('offers whole new items inside arrays, each one valid on its own', () => {
    const buttons = complete('{"buttons": [|]}').items;
    expect(labels(buttons)).toContain('dialogue_trigger button');
    expect(JSON.parse(buttons.find((b) => b.label === 'link button')?.apply ?? '')).toEqual({
      button_type: 'link',
      label: '',
      value: '',
    });
    const fields = complete('{"form": {"fields": [|]}}').items;
    expect(labels(fields)).toContain('select field');
    expect(JSON.parse(fields[0]?.apply ?? '')).toEqual({
      input_type: 'text',
      required: false,
      order: 1,
      texts: { label: '' },
    });
  });

  it('reads key order and nested shapes from the shared schema', () => {
    expect(keyOrderAt(['form', 'fields', 0], {})).toEqual(
      Object.keys(KindlyReply.shape.form.unwrap().shape.fields.element.shape),
    );
    expect(schemaAt(['new_context', 'anything'], {})).toEqual({});
    expect(schemaAt(['nonsense', 'deeper'], {})).toBeNull();
  });
});
