import { X } from 'lucide-react';
import { useId, useState } from 'react';
import { Segmented } from '../../../components/segmented.js';
import { getAt, insertItem, setAt, withKey } from '../model/reply-edit.js';
import { keyOrderAt } from '../model/reply-json-schema.js';
import { useBuilder } from './builder-context.js';
import { IssueHints, TextInput } from './controls.js';

/** `labels`: names of labels that must already exist in the workspace. */
export function LabelsEditor() {
  const { root, update } = useBuilder();
  const id = useId();
  const [draft, setDraft] = useState('');
  const current = getAt(root, ['labels']);
  const labels = Array.isArray(current) ? (current as unknown[]) : [];
  const add = () => {
    const name = draft.trim();
    if (name === '') return;
    update((reply) => insertItem(reply, ['labels'], name));
    setDraft('');
  };
  return (
    <div className="ks-labels">
      <ul className="ks-chips" aria-label="Labels">
        {labels.map((label, index) => (
          <li key={index} className="ks-chip">
            <span className={typeof label === 'string' ? '' : 'mono'}>
              {typeof label === 'string' ? label : JSON.stringify(label)}
            </span>
            <button
              type="button"
              className="ks-chip-remove"
              aria-label={`Remove label ${typeof label === 'string' ? label : index + 1}`}
              onClick={() => update((reply) => setAt(reply, ['labels', index], undefined))}
            >
              <X size={12} />
            </button>
            <IssueHints path={['labels', index]} />
          </li>
        ))}
      </ul>
      <div className="ks-inline-add">
        <label htmlFor={id} className="visually-hidden">
          New label
        </label>
        <input
          id={id}
          type="text"
          className="ks-input"
          placeholder="Label name, then Enter"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              add();
            }
          }}
        />
        <button type="button" className="button button-small" onClick={add} disabled={draft.trim() === ''}>
          Add label
        </button>
      </div>
      <IssueHints path={['labels']} />
      <p className="ks-help">Unknown label names are dropped by Kindly without an error.</p>
    </div>
  );
}

type TriggerKey = 'exchange_id' | 'exchange_slug';

/** `exchange_id` / `exchange_slug`: trigger a dialogue instead of replying. */
export function TriggerEditor() {
  const { root, update } = useBuilder();
  const hasId = Object.hasOwn(root, 'exchange_id');
  const hasSlug = Object.hasOwn(root, 'exchange_slug');
  if (hasId && hasSlug) {
    // Both sent: the validator flags it; show both so either can be removed.
    return (
      <div className="ks-grid">
        <TextInput path={['exchange_id']} label="Dialogue ID (exchange_id)" mono />
        <TextInput path={['exchange_slug']} label="Dialogue slug (exchange_slug)" mono />
      </div>
    );
  }
  const by: TriggerKey = hasSlug ? 'exchange_slug' : 'exchange_id';
  const value = getAt(root, [by]);
  return (
    <div className="ks-trigger">
      <Segmented<TriggerKey>
        label="Trigger the dialogue by"
        value={by}
        options={[
          { value: 'exchange_id', label: 'By ID' },
          { value: 'exchange_slug', label: 'By slug' },
        ]}
        onChange={(next) => {
          if (next === by) return;
          update((reply) => {
            const moved = setAt(reply, [by], undefined);
            return withKey(moved, next, value ?? '', keyOrderAt([], moved));
          });
        }}
      />
      <TextInput
        path={[by]}
        label={by === 'exchange_id' ? 'Dialogue ID (UUID)' : 'Dialogue slug'}
        optional={false}
        mono
        wide
        placeholder={by === 'exchange_id' ? '9c0dd930-ca7c-4830-a901-7da5ebd3b6a6' : 'order-status-result'}
      />
    </div>
  );
}
