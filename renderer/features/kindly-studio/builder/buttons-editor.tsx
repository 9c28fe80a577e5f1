import { CAROUSEL_BUTTON_TYPES, REPLY_BUTTON_TYPES } from '../../../../shared/kindly/vocabulary.js';
import { getAt, insertItem, setAt, type JsonObject } from '../model/reply-edit.js';
import type { PathSegments } from '../model/reply-json-schema.js';
import { newCarouselButton, newReplyButton, withButtonType } from '../model/reply-parts.js';
import { useBuilder } from './builder-context.js';
import {
  AddButton,
  arrayAt,
  Block,
  CheckboxInput,
  Disclosure,
  IssueHints,
  ItemActions,
  NotEditable,
  objectAt,
  SelectInput,
  TextInput,
} from './controls.js';
import { KeyValueEditor } from './key-value-editor.js';

export type ButtonPlace = 'reply' | 'carousel';

const TYPE_LABELS: Record<string, string> = {
  quick_reply: 'Quick reply',
  link: 'Link',
  email: 'E-mail',
  phone: 'Phone',
  dialogue_trigger: 'Trigger dialogue',
  trigger_dialogue: 'Trigger dialogue',
};

const VALUE_LABELS: Record<string, { label: string; placeholder: string }> = {
  quick_reply: { label: 'Sends (as the user)', placeholder: 'Text the user sends on click' },
  link: { label: 'URL', placeholder: 'https://…' },
  email: { label: 'E-mail address', placeholder: 'name@example.com' },
  phone: { label: 'Phone number', placeholder: '+47 22 00 00 00' },
  dialogue_trigger: { label: 'Dialogue ID or slug', placeholder: 'UUID or slug' },
  trigger_dialogue: { label: 'Dialogue ID or slug', placeholder: 'UUID or slug' },
};

function typeOptions(place: ButtonPlace) {
  const types: readonly string[] = place === 'reply' ? REPLY_BUTTON_TYPES : CAROUSEL_BUTTON_TYPES;
  return types.map((type) => ({ value: type, label: TYPE_LABELS[type] ?? type }));
}

function ButtonEditor({
  arrayPath,
  index,
  count,
  place,
}: {
  arrayPath: PathSegments;
  index: number;
  count: number;
  place: ButtonPlace;
}) {
  const { root, update } = useBuilder();
  const path = [...arrayPath, index];
  const button = objectAt(root, path);
  const name = `${place === 'carousel' ? 'card button' : 'button'} ${index + 1}`;
  const title = place === 'carousel' ? `Card button ${index + 1}` : `Button ${index + 1}`;
  if (!button) {
    return (
      <Block
        path={path}
        title={title}
        actions={<ItemActions arrayPath={arrayPath} index={index} count={count} name={name} />}
      >
        <NotEditable what="This button" />
      </Block>
    );
  }
  const type = typeof button.button_type === 'string' ? button.button_type : '';
  const valueText = VALUE_LABELS[type] ?? { label: 'Value', placeholder: '' };
  const contextCount =
    typeof button.context === 'object' && button.context !== null ? Object.keys(button.context).length : 0;
  return (
    <Block
      path={path}
      title={title}
      className="ks-button-block"
      actions={<ItemActions arrayPath={arrayPath} index={index} count={count} name={name} />}
    >
      <div className="ks-grid ks-grid-button">
        <SelectInput
          path={[...path, 'button_type']}
          label="Type"
          options={typeOptions(place)}
          onSelect={(next) =>
            update((current) =>
              setAt(current, path, withButtonType(getAt(current, path) as JsonObject, next)),
            )
          }
        />
        <TextInput
          path={[...path, 'label']}
          label="Label"
          optional={false}
          placeholder="Text on the button"
        />
        <TextInput
          path={[...path, 'value']}
          label={valueText.label}
          optional={false}
          placeholder={valueText.placeholder}
          mono={type !== 'quick_reply'}
          wide
        />
        {place === 'carousel' && <TextInput path={[...path, 'id']} label="Button ID" optional={false} mono />}
      </div>
      {place === 'reply' && type === 'link' && (
        <CheckboxInput path={[...path, 'open_in_new_tab']} label="Open in a new tab" />
      )}
      {place === 'reply' && type !== 'link' && Object.hasOwn(button, 'open_in_new_tab') && (
        <IssueHints path={[...path, 'open_in_new_tab']} />
      )}
      <Disclosure
        summary={`Context on click${contextCount > 0 ? ` (${contextCount})` : ''}`}
        help="written to the chat’s context when clicked"
        initiallyOpen={contextCount > 0}
      >
        <KeyValueEditor path={[...path, 'context']} noun="context value" />
      </Disclosure>
    </Block>
  );
}

/** The buttons under the reply, or on a carousel card. */
export function ButtonsEditor({ arrayPath, place }: { arrayPath: PathSegments; place: ButtonPlace }) {
  const { root, update } = useBuilder();
  const buttons = arrayAt(root, arrayPath);
  if (!buttons) return <NotEditable what={`“${String(arrayPath.at(-1))}”`} />;
  return (
    <div className="ks-list">
      {buttons.map((_, index) => (
        <ButtonEditor key={index} arrayPath={arrayPath} index={index} count={buttons.length} place={place} />
      ))}
      <IssueHints path={arrayPath} />
      <AddButton
        label={place === 'carousel' ? 'Add card button' : 'Add button'}
        onClick={() =>
          update((current) => {
            if (place === 'reply') return insertItem(current, arrayPath, newReplyButton('quick_reply'));
            const card = objectAt(current, arrayPath.slice(0, -1)) ?? {};
            return insertItem(current, arrayPath, newCarouselButton(card, 'quick_reply'));
          })
        }
      />
    </div>
  );
}
