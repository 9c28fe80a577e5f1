import {
  FORM_INPUT_TYPES,
  INPUT_TYPES_WITH_OPTIONS,
  MAX_FORM_FIELDS,
  NUMERIC_INPUT_TYPES,
  type FormInputType,
} from '../../../../shared/kindly/vocabulary.js';
import { getAt, insertItem, setAt, type JsonObject } from '../model/reply-edit.js';
import type { PathSegments } from '../model/reply-json-schema.js';
import { fieldsLeft, newFormField, newOption, withInputType } from '../model/reply-parts.js';
import { useBuilder } from './builder-context.js';
import {
  AddButton,
  arrayAt,
  Block,
  CheckboxInput,
  Disclosure,
  IssueHints,
  ItemActions,
  LooseValueInput,
  NotEditable,
  NumberInput,
  objectAt,
  SelectInput,
  TextInput,
} from './controls.js';
import { KeyValueEditor } from './key-value-editor.js';

const INPUT_TYPE_LABELS: Record<FormInputType, string> = {
  text: 'Text',
  email: 'E-mail',
  number: 'Number',
  range: 'Range (slider)',
  select: 'Select (dropdown)',
  checkbox: 'Checkbox',
  radio: 'Radio buttons',
  file: 'File upload',
};

function count(value: unknown): number {
  if (Array.isArray(value)) return value.length;
  if (typeof value === 'object' && value !== null) return Object.keys(value).length;
  return 0;
}

function OptionsEditor({ path }: { path: PathSegments }) {
  const { root, update } = useBuilder();
  const options = arrayAt(root, path) ?? [];
  return (
    <div className="ks-list">
      {options.map((_, index) => (
        <Block
          key={index}
          path={[...path, index]}
          title={`Option ${index + 1}`}
          className="ks-option-block"
          actions={
            <ItemActions arrayPath={path} index={index} count={options.length} name={`option ${index + 1}`} />
          }
        >
          <div className="ks-grid">
            <LooseValueInput path={[...path, index, 'value']} label="Option value" />
            <TextInput path={[...path, index, 'label']} label="Option label" optional={false} />
          </div>
        </Block>
      ))}
      <IssueHints path={path} />
      <AddButton
        label="Add option"
        onClick={() =>
          update((current) => insertItem(current, path, newOption(arrayAt(current, path) ?? [])))
        }
      />
    </div>
  );
}

function ValidatorsEditor({ path }: { path: PathSegments }) {
  const { root, update } = useBuilder();
  const validators = arrayAt(root, path) ?? [];
  return (
    <div className="ks-list">
      {validators.map((_, index) => {
        const at = [...path, index];
        return (
          <Block
            key={index}
            path={at}
            title={`Validator ${index + 1}`}
            actions={
              <ItemActions
                arrayPath={path}
                index={index}
                count={validators.length}
                name={`validator ${index + 1}`}
              />
            }
          >
            <div className="ks-grid ks-grid-4">
              <NumberInput path={[...at, 'min_length']} label="Min length" />
              <NumberInput path={[...at, 'max_length']} label="Max length" />
              <NumberInput path={[...at, 'minimum']} label="Minimum" />
              <NumberInput path={[...at, 'maximum']} label="Maximum" />
            </div>
            <div className="ks-grid">
              <TextInput path={[...at, 'pattern']} label="Pattern (regex)" mono />
              <TextInput path={[...at, 'preset']} label="Preset" />
            </div>
            <Disclosure
              summary={`Feedback texts (${count(getAt(root, [...at, 'texts']))})`}
              initiallyOpen={count(getAt(root, [...at, 'texts'])) > 0}
            >
              <KeyValueEditor path={[...at, 'texts']} noun="text" />
            </Disclosure>
          </Block>
        );
      })}
      <IssueHints path={path} />
      <AddButton label="Add validator" onClick={() => update((current) => insertItem(current, path, {}))} />
    </div>
  );
}

function FieldEditor({ index, count: total }: { index: number; count: number }) {
  const { root, update } = useBuilder();
  const path: PathSegments = ['form', 'fields', index];
  const field = objectAt(root, path);
  const actions = (
    <ItemActions arrayPath={['form', 'fields']} index={index} count={total} name={`field ${index + 1}`} />
  );
  if (!field) {
    return (
      <Block path={path} title={`Field ${index + 1}`} actions={actions}>
        <NotEditable what="This field" />
      </Block>
    );
  }
  const type = typeof field.input_type === 'string' ? field.input_type : '';
  const attributes = objectAt(root, [...path, 'attributes']) ?? {};
  const showOptions =
    INPUT_TYPES_WITH_OPTIONS.includes(type as FormInputType) || Object.hasOwn(attributes, 'options');
  const numeric = NUMERIC_INPUT_TYPES.includes(type as FormInputType);
  const texts = objectAt(root, [...path, 'texts']) ?? {};
  const extraTexts = ['help_text', 'placeholder_text', 'required_text', 'affix_value'].filter((key) =>
    Object.hasOwn(texts, key),
  ).length;
  const validators = getAt(root, [...path, 'validators']);
  return (
    <Block path={path} title={`Field ${index + 1}`} actions={actions} className="ks-field-block">
      <div className="ks-grid ks-grid-field">
        <SelectInput
          path={[...path, 'input_type']}
          label="Input type"
          options={FORM_INPUT_TYPES.map((value) => ({ value, label: INPUT_TYPE_LABELS[value] }))}
          onSelect={(next) =>
            update((current) =>
              setAt(current, path, withInputType(getAt(current, path) as JsonObject, next as FormInputType)),
            )
          }
        />
        <TextInput
          path={[...path, 'texts', 'label']}
          label="Label"
          optional={false}
          placeholder="Shown above the input"
        />
        <NumberInput path={[...path, 'order']} label="Order" />
        <TextInput path={[...path, 'slug']} label="Slug" mono placeholder="unique-id" />
        <TextInput path={[...path, 'affix']} label="Affix" />
      </div>
      <CheckboxInput path={[...path, 'required']} label="Required" removeWhenOff={false} />
      <Disclosure
        summary={`Field texts${extraTexts ? ` (${extraTexts})` : ''}`}
        help="help, placeholder, required text, affix value"
        initiallyOpen={extraTexts > 0}
      >
        <div className="ks-grid">
          <TextInput path={[...path, 'texts', 'placeholder_text']} label="Placeholder" />
          <TextInput path={[...path, 'texts', 'help_text']} label="Help text" />
          <TextInput path={[...path, 'texts', 'required_text']} label="Required text" />
          <TextInput path={[...path, 'texts', 'affix_value']} label="Affix value" />
        </div>
      </Disclosure>
      {showOptions && (
        <Disclosure summary={`Options (${count(attributes.options)})`} initiallyOpen>
          <OptionsEditor path={[...path, 'attributes', 'options']} />
        </Disclosure>
      )}
      <Disclosure
        summary="Default value and step"
        initiallyOpen={Object.hasOwn(attributes, 'default_value') || Object.hasOwn(attributes, 'step')}
      >
        <div className="ks-grid">
          <LooseValueInput
            path={[...path, 'attributes', 'default_value']}
            label="Default value"
            removeWhenEmpty
          />
          {(numeric || Object.hasOwn(attributes, 'step')) && (
            <NumberInput path={[...path, 'attributes', 'step']} label="Step" />
          )}
        </div>
      </Disclosure>
      <Disclosure
        summary={`Validators (${count(validators)})`}
        help="length, bounds, pattern, preset"
        initiallyOpen={count(validators) > 0}
      >
        <ValidatorsEditor path={[...path, 'validators']} />
      </Disclosure>
    </Block>
  );
}

/** `form`: texts, language and up to five fields. */
export function FormEditor() {
  const { root, update } = useBuilder();
  const form = objectAt(root, ['form']);
  if (!form) return <NotEditable what="“form”" />;
  const fields = arrayAt(root, ['form', 'fields']);
  const texts = objectAt(root, ['form', 'texts']) ?? {};
  const moreTexts = ['cancel_text', 'error_text', 'unanswered_text'].filter((key) =>
    Object.hasOwn(texts, key),
  ).length;
  const left = fieldsLeft(fields ?? []);
  return (
    <>
      <div className="ks-grid">
        <TextInput path={['form', 'texts', 'title']} label="Title" />
        <TextInput path={['form', 'language_code']} label="Language code" mono placeholder="en" />
        <TextInput path={['form', 'texts', 'submit_button_text']} label="Submit button" />
        <TextInput path={['form', 'texts', 'cancel_button_text']} label="Cancel button" />
      </div>
      <Disclosure
        summary={`Messages${moreTexts ? ` (${moreTexts})` : ''}`}
        help="after cancelling, on error, when left unanswered"
        initiallyOpen={moreTexts > 0}
      >
        <div className="ks-grid">
          <TextInput path={['form', 'texts', 'cancel_text']} label="When cancelled" wide />
          <TextInput path={['form', 'texts', 'error_text']} label="On error" wide />
          <TextInput path={['form', 'texts', 'unanswered_text']} label="When unanswered" wide />
        </div>
      </Disclosure>
      <IssueHints path={['form', 'texts']} />
      {fields ? (
        <div className="ks-list">
          {fields.map((_, index) => (
            <FieldEditor key={index} index={index} count={fields.length} />
          ))}
          <IssueHints path={['form', 'fields']} />
          <AddButton
            label={left > 0 ? `Add field (${left} left)` : 'Add field'}
            disabled={left === 0}
            title={left === 0 ? `Kindly allows at most ${MAX_FORM_FIELDS} fields` : undefined}
            onClick={() =>
              update((current) =>
                insertItem(
                  current,
                  ['form', 'fields'],
                  newFormField(arrayAt(current, ['form', 'fields']) ?? []),
                ),
              )
            }
          />
        </div>
      ) : (
        <NotEditable what="“form.fields”" />
      )}
    </>
  );
}
