import { Trash2 } from 'lucide-react';
import { useId, useState } from 'react';
import { getAt, setAt, type JsonObject } from '../model/reply-edit.js';
import type { PathSegments } from '../model/reply-json-schema.js';
import { useBuilder } from './builder-context.js';
import { AddButton, IssueHints, LooseValueInput } from './controls.js';

/** `object` with `from` renamed to `to`, in the same place. */
function renameKey(object: JsonObject, from: string, to: string): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(object)) out[key === from ? to : key] = value;
  return out;
}

function freeKey(object: JsonObject): string {
  let n = Object.keys(object).length + 1;
  while (Object.hasOwn(object, `key_${n}`)) n++;
  return `key_${n}`;
}

function KeyInput({ path, name, object }: { path: PathSegments; name: string; object: JsonObject }) {
  const { update } = useBuilder();
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const taken = draft !== null && draft !== name && Object.hasOwn(object, draft);
  return (
    <div className="ks-field">
      <label htmlFor={id}>Key</label>
      <input
        id={id}
        type="text"
        className="ks-input mono"
        value={draft ?? name}
        aria-invalid={taken}
        spellCheck={false}
        onChange={(event) => {
          const next = event.target.value;
          setDraft(next);
          if (next === name || Object.hasOwn(object, next)) return;
          update((root) => setAt(root, path, renameKey(object, name, next)));
        }}
        onBlur={() => setDraft(null)}
      />
      {taken && <div className="ks-hint ks-hint-error">“{draft}” is already a key here.</div>}
    </div>
  );
}

/**
 * Key → value pairs of an object such as `new_context` or a button's `context`. Values may be any
 * JSON; keys are renamed in place so the JSON keeps its order.
 */
export function KeyValueEditor({ path, noun = 'value' }: { path: PathSegments; noun?: string }) {
  const { root, update } = useBuilder();
  const current = getAt(root, path);
  const object =
    typeof current === 'object' && current !== null && !Array.isArray(current) ? (current as JsonObject) : {};
  const entries = Object.keys(object);
  return (
    <div className="ks-kv">
      {entries.map((key, index) => (
        <div className="ks-kv-row" key={index}>
          <KeyInput path={path} name={key} object={object} />
          <LooseValueInput path={[...path, key]} label="Value" />
          <button
            type="button"
            className="icon-button icon-button-danger ks-kv-remove"
            aria-label={`Remove ${noun} ${key}`}
            title="Remove"
            onClick={() => update((root) => setAt(root, [...path, key], undefined))}
          >
            <Trash2 size={14} />
          </button>
        </div>
      ))}
      <IssueHints path={path} />
      <AddButton
        label={`Add ${noun}`}
        onClick={() => update((root) => setAt(root, [...path, freeKey(object)], ''))}
      />
    </div>
  );
}
