import {
  Braces,
  EyeOff,
  FormInput,
  Image,
  Images,
  MessageSquareText,
  MousePointerClick,
  Plus,
  Sparkles,
  Tags,
  Trash2,
  Workflow,
  type LucideIcon,
} from 'lucide-react';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { keysOf, KindlyReply } from '../../../../shared/kindly/reply-schema.js';
import { splitParagraphs } from '../../../../shared/kindly/reply-readers.js';
import type { Finding } from '../model/findings.js';
import { setAt, type JsonObject } from '../model/reply-edit.js';
import { newCarouselCard, newForm } from '../model/reply-parts.js';
import { BuilderContext, useBuilder, type BuilderApi } from './builder-context.js';
import { ButtonsEditor } from './buttons-editor.js';
import { CarouselEditor } from './carousel-editor.js';
import { Block, CheckboxInput, IssueHints, LooseValueInput, TextInput } from './controls.js';
import { FormEditor } from './form-editor.js';
import { LabelsEditor, TriggerEditor } from './flow-editors.js';
import { KeyValueEditor } from './key-value-editor.js';

interface SectionDefinition {
  id: string;
  title: string;
  icon: LucideIcon;
  /** Present when the reply has any of these keys. */
  keys: string[];
  add: (root: JsonObject) => JsonObject;
  body: () => ReactNode;
  help?: string;
}

function MessageBody() {
  const { root } = useBuilder();
  const text = typeof root.reply === 'string' ? root.reply : '';
  const bubbles = text.trim() === '' ? 0 : splitParagraphs(text).filter((part) => part.trim() !== '').length;
  return (
    <>
      <TextInput
        path={['reply']}
        label="Message"
        optional={false}
        multiline
        rows={4}
        placeholder="What the bot says"
      />
      <p className="ks-help">A blank line starts a new bubble{bubbles > 1 ? ` · ${bubbles} bubbles` : ''}.</p>
    </>
  );
}

const SECTIONS: SectionDefinition[] = [
  {
    id: 'reply',
    title: 'Message',
    icon: MessageSquareText,
    keys: ['reply'],
    add: (root) => setAt(root, ['reply'], ''),
    body: () => <MessageBody />,
  },
  {
    id: 'buttons',
    title: 'Buttons',
    icon: MousePointerClick,
    keys: ['buttons'],
    add: (root) => setAt(root, ['buttons'], []),
    body: () => <ButtonsEditor arrayPath={['buttons']} place="reply" />,
  },
  {
    id: 'image_carousel',
    title: 'Image carousel',
    icon: Images,
    keys: ['image_carousel'],
    add: (root) => setAt(root, ['image_carousel'], [newCarouselCard([])]),
    body: () => <CarouselEditor />,
  },
  {
    id: 'form',
    title: 'Form',
    icon: FormInput,
    keys: ['form'],
    add: (root) => setAt(root, ['form'], newForm()),
    body: () => <FormEditor />,
  },
  {
    id: 'new_context',
    title: 'Context',
    icon: Braces,
    keys: ['new_context'],
    add: (root) => setAt(root, ['new_context'], {}),
    body: () => <KeyValueEditor path={['new_context']} noun="context value" />,
    help: 'Merged into the chat’s context memory; existing keys are overwritten.',
  },
  {
    id: 'trigger',
    title: 'Trigger a dialogue',
    icon: Workflow,
    keys: ['exchange_id', 'exchange_slug'],
    add: (root) => setAt(root, ['exchange_id'], ''),
    body: () => <TriggerEditor />,
    help: 'Kindly runs that dialogue instead of showing a reply.',
  },
  {
    id: 'labels',
    title: 'Labels',
    icon: Tags,
    keys: ['labels'],
    add: (root) => setAt(root, ['labels'], []),
    body: () => <LabelsEditor />,
  },
  {
    id: 'hide_input',
    title: 'Hide input field',
    icon: EyeOff,
    keys: ['chatbubble_hide_input_field'],
    add: (root) => setAt(root, ['chatbubble_hide_input_field'], true),
    body: () => (
      <CheckboxInput
        path={['chatbubble_hide_input_field']}
        label="Hide the chat input field"
        removeWhenOff={false}
      />
    ),
    help: 'Leave the user a way on, such as a button.',
  },
  {
    id: 'aireply',
    title: 'AI reply (Smart Webhooks, beta)',
    icon: Sparkles,
    keys: ['aireply'],
    add: (root) => setAt(root, ['aireply'], { data: '' }),
    body: () => <LooseValueInput path={['aireply', 'data']} label="Data for the AI" multiline />,
    help: 'Kindly’s AI writes the reply from this data; `reply` is then ignored.',
  },
  {
    id: 'image',
    title: 'Single image (deprecated)',
    icon: Image,
    keys: ['image', 'image_alt_text'],
    add: (root) => setAt(root, ['image'], ''),
    body: () => (
      <div className="ks-grid">
        <TextInput path={['image']} label="Image URL" mono wide placeholder="https://…" />
        <TextInput path={['image_alt_text']} label="Alternative text" wide />
      </div>
    ),
    help: 'Prefer the image carousel.',
  },
];

const KNOWN_KEYS = new Set(keysOf(KindlyReply));

function Section({
  section,
  focusOnMount,
  onFocused,
}: {
  section: SectionDefinition;
  focusOnMount: boolean;
  onFocused: () => void;
}) {
  const { root, update } = useBuilder();
  const Icon = section.icon;
  // The key the reply uses (a trigger by slug is marked at `exchange_slug`).
  const mainKey = section.keys.find((key) => Object.hasOwn(root, key)) ?? section.keys[0] ?? section.id;
  const ref = useRef<HTMLElement>(null);
  // A part just added with its chip: take the user to it (only then, so JSON typing is never interrupted).
  useEffect(() => {
    if (!focusOnMount || !ref.current) return;
    ref.current.scrollIntoView({ block: 'nearest' });
    const body = ref.current.querySelector('.ks-block-body');
    (
      body?.querySelector<HTMLElement>('input, textarea, select') ??
      body?.querySelector<HTMLElement>('.ks-add')
    )?.focus();
    onFocused();
  }, [focusOnMount, onFocused]);
  return (
    <section ref={ref} className="ks-section" aria-label={section.title}>
      <Block
        path={[mainKey]}
        className="ks-section-block"
        title={
          <>
            <Icon size={14} aria-hidden="true" /> {section.title}
          </>
        }
        actions={
          <button
            type="button"
            className="icon-button icon-button-danger"
            aria-label={`Remove ${section.title.toLowerCase()} from the reply`}
            title="Remove from the reply"
            onClick={() =>
              update((current) => section.keys.reduce((next, key) => setAt(next, [key], undefined), current))
            }
          >
            <Trash2 size={14} />
          </button>
        }
      >
        {section.help && <p className="ks-help ks-section-help">{section.help}</p>}
        {section.body()}
        {section.keys
          .filter((key) => key !== mainKey)
          .map((key) => (
            <IssueHints key={key} path={[key]} />
          ))}
      </Block>
    </section>
  );
}

function OtherKeys() {
  const { root } = useBuilder();
  const others = Object.keys(root).filter((key) => !KNOWN_KEYS.has(key));
  if (others.length === 0) return null;
  return (
    <div className="ks-other-keys" role="note">
      <strong>Not in Kindly’s reply format:</strong> {others.map((key) => `“${key}”`).join(', ')}. Edit or
      remove them in the JSON.
      {others.map((key) => (
        <IssueHints key={key} path={[key]} />
      ))}
    </div>
  );
}

/**
 * The visual builder: one section per part of the reply, in the documented order. Parts not in the
 * reply are offered as "add" chips; every control edits the JSON value by path.
 */
export function ReplyBuilder({
  value,
  onChange,
  findings,
  disabled,
  compactAdd = false,
}: {
  value: JsonObject;
  onChange: (next: JsonObject) => void;
  findings: readonly Finding[];
  disabled: boolean;
  /** One "Add to the reply" menu instead of a chip per part, where room is short. */
  compactAdd?: boolean;
}) {
  const api = useMemo<BuilderApi>(
    () => ({ root: value, update: (change) => onChange(change(value)), findings }),
    [value, onChange, findings],
  );
  const [justAdded, setJustAdded] = useState<string | null>(null);
  const focused = useCallback(() => setJustAdded(null), []);
  const present = SECTIONS.filter((section) => section.keys.some((key) => Object.hasOwn(value, key)));
  const absent = SECTIONS.filter((section) => !present.includes(section));
  return (
    <BuilderContext.Provider value={api}>
      <fieldset className="ks-builder" disabled={disabled}>
        <legend className="visually-hidden">Reply builder</legend>
        {compactAdd ? (
          <select
            className="ks-input ks-add-select"
            aria-label="Add to the reply"
            value=""
            onChange={(event) => {
              const section = absent.find((item) => item.id === event.target.value);
              if (!section) return;
              setJustAdded(section.id);
              onChange(section.add(value));
            }}
          >
            <option value="">+ Add to the reply…</option>
            {absent.map((section) => (
              <option key={section.id} value={section.id}>
                {section.title}
              </option>
            ))}
          </select>
        ) : (
          <div className="ks-add-parts" role="group" aria-label="Add to the reply">
            {absent.map((section) => {
              const Icon = section.icon;
              return (
                <button
                  key={section.id}
                  type="button"
                  className="ks-add-part"
                  onClick={() => {
                    setJustAdded(section.id);
                    onChange(section.add(value));
                  }}
                >
                  <Plus size={12} aria-hidden="true" />
                  <Icon size={13} aria-hidden="true" />
                  {section.title}
                </button>
              );
            })}
          </div>
        )}
        {present.length === 0 && (
          <p className="ks-empty-builder">
            Nothing in the reply yet: add a part above, or insert a template.
          </p>
        )}
        {present.map((section) => (
          <Section
            key={section.id}
            section={section}
            focusOnMount={justAdded === section.id}
            onFocused={focused}
          />
        ))}
        <OtherKeys />
        <IssueHints path={[]} />
      </fieldset>
    </BuilderContext.Provider>
  );
}
