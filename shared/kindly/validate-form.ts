import { checkUnknownKeys, type KeyHints } from './check-keys.js';
import { expectKind, optionalKind } from './check-types.js';
import { closestKey } from './edit-distance.js';
import type { IssueCollector } from './issue-collector.js';
import type { JsonPathSegment } from './json-path.js';
import { isPlainObject } from './reply-readers.js';
import { KindlyFieldAttributes, KindlyForm, KindlyFormField, keysOf } from './reply-schema.js';
import {
  FIELD_TEXT_KEYS,
  FORM_INPUT_TYPES,
  FORM_TEXT_KEYS,
  INPUT_TYPES_NEEDING_OPTIONS,
  INPUT_TYPES_WITH_OPTIONS,
  MAX_FORM_FIELDS,
  NUMERIC_INPUT_TYPES,
  TEXT_INPUT_TYPES,
  VALIDATOR_RULE_KEYS,
  type FormInputType,
} from './vocabulary.js';

const FORM_KEYS = keysOf(KindlyForm);
const FIELD_KEYS = keysOf(KindlyFormField);
const ATTRIBUTE_KEYS = keysOf(KindlyFieldAttributes);
const VALIDATOR_KEYS = [...VALIDATOR_RULE_KEYS, 'texts'];

const inTexts = (key: string): { meant: string; why: string } => ({
  meant: `texts.${key}`,
  why: 'Form texts live in the `texts` object.',
});

const FORM_HINTS: KeyHints = {
  ...Object.fromEntries(FORM_TEXT_KEYS.map((key) => [key, inTexts(key)])),
  language: { meant: 'language_code', why: 'The form’s language is `language_code`, e.g. "en".' },
  inputs: { meant: 'fields', why: 'A form’s inputs are its `fields`.' },
  questions: { meant: 'fields', why: 'A form’s inputs are its `fields`.' },
};

const inAttributes = (key: string): { meant: string; why: string } => ({
  meant: `attributes.${key}`,
  why: 'Options, defaults and steps live in the field’s `attributes` object.',
});
const inValidators = {
  meant: 'validators',
  why: 'Rules go in the `validators` array, e.g. [{"min_length": 2}].',
};

const FIELD_HINTS: KeyHints = {
  ...Object.fromEntries(FIELD_TEXT_KEYS.map((key) => [key, inTexts(key)])),
  type: { meant: 'input_type', why: 'A field’s kind is its `input_type`.' },
  name: { meant: 'slug', why: 'A field’s identifier is its `slug`.' },
  id: { meant: 'slug', why: 'A field’s identifier is its `slug`.' },
  placeholder: inTexts('placeholder_text'),
  help: inTexts('help_text'),
  options: inAttributes('options'),
  choices: inAttributes('options'),
  default: inAttributes('default_value'),
  default_value: inAttributes('default_value'),
  step: inAttributes('step'),
  min_length: inValidators,
  max_length: inValidators,
  minimum: inValidators,
  maximum: inValidators,
  pattern: inValidators,
  mandatory: { meant: 'required', why: 'Whether a field must be filled is `required`.' },
  position: { meant: 'order', why: 'A field’s position is its `order`.' },
};

const VALIDATOR_HINTS: KeyHints = {
  min: { meant: 'minimum', why: 'Numeric bounds are `minimum` and `maximum`.' },
  max: { meant: 'maximum', why: 'Numeric bounds are `minimum` and `maximum`.' },
  regex: { meant: 'pattern', why: 'A regular expression goes in `pattern`.' },
  message: { meant: 'texts', why: 'Custom feedback goes in the validator’s `texts` object.' },
};

/** Common names for input types Kindly spells differently. */
const INPUT_TYPE_HINTS: Record<string, FormInputType> = {
  dropdown: 'select',
  textarea: 'text',
  tel: 'text',
  phone: 'text',
  slider: 'range',
  upload: 'file',
  integer: 'number',
};

/** `form` (§3.4): texts and 1–5 fields. */
export function checkForm(issues: IssueCollector, form: unknown, segments: readonly JsonPathSegment[]): void {
  if (!expectKind(issues, form, segments, 'object')) return;
  checkUnknownKeys(issues, form, segments, FORM_KEYS, 'the form', { hints: FORM_HINTS });

  if (optionalKind(issues, form, 'language_code', segments, 'string')) {
    const code = form.language_code as string;
    if (!/^[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$/u.test(code)) {
      issues.warning(
        [...segments, 'language_code'],
        'form.language_code',
        `"${code}" does not look like a language code such as "en" or "nb".`,
      );
    }
  }
  if (optionalKind(issues, form, 'texts', segments, 'object')) {
    checkTexts(
      issues,
      form.texts as Record<string, unknown>,
      [...segments, 'texts'],
      FORM_TEXT_KEYS,
      'the form’s texts',
    );
  }

  const at = [...segments, 'fields'];
  if (!Object.hasOwn(form, 'fields')) {
    issues.error(
      segments,
      'form.missing_fields',
      `The form has no \`fields\`; it needs 1 to ${MAX_FORM_FIELDS}.`,
    );
    return;
  }
  if (isPlainObject(form.fields)) {
    issues.error(at, 'wrong_type', '`fields` must be an array of field objects: wrap the field in [ ].');
    return;
  }
  if (!expectKind(issues, form.fields, at, 'array')) return;
  const fields = form.fields;
  if (fields.length === 0) {
    issues.error(at, 'form.no_fields', `The form has no fields; it needs 1 to ${MAX_FORM_FIELDS}.`);
    return;
  }
  if (fields.length > MAX_FORM_FIELDS) {
    issues.error(
      [...at, MAX_FORM_FIELDS],
      'form.too_many_fields',
      `A form can have at most ${MAX_FORM_FIELDS} fields; this one has ${fields.length}.`,
    );
  }

  const slugs = new Map<string, number>();
  const orders = new Map<number, number>();
  fields.forEach((field, index) => {
    const fieldAt = [...at, index];
    const facts = checkField(issues, field, fieldAt);
    if (facts.slug !== null) {
      const first = slugs.get(facts.slug);
      if (first === undefined) slugs.set(facts.slug, index);
      else
        issues.error(
          [...fieldAt, 'slug'],
          'field.duplicate_slug',
          `Slug "${facts.slug}" is already used by field ${first}; slugs identify fields and must be unique.`,
        );
    }
    if (facts.order !== null) {
      const first = orders.get(facts.order);
      if (first === undefined) orders.set(facts.order, index);
      else
        issues.warning(
          [...fieldAt, 'order'],
          'field.duplicate_order',
          `Order ${facts.order} is already used by field ${first}, so their positions are ambiguous.`,
        );
    }
  });
}

function checkTexts(
  issues: IssueCollector,
  texts: Record<string, unknown>,
  segments: readonly JsonPathSegment[],
  keys: readonly string[],
  where: string,
): void {
  checkUnknownKeys(issues, texts, segments, keys, where);
  for (const key of keys) optionalKind(issues, texts, key, segments, 'string');
}

function checkField(
  issues: IssueCollector,
  field: unknown,
  segments: readonly JsonPathSegment[],
): { slug: string | null; order: number | null } {
  const facts = { slug: null as string | null, order: null as number | null };
  if (!expectKind(issues, field, segments, 'object')) return facts;
  checkUnknownKeys(issues, field, segments, FIELD_KEYS, 'a form field', { hints: FIELD_HINTS });

  const inputType = checkInputType(issues, field, segments);

  if (!Object.hasOwn(field, 'required')) {
    issues.warning(
      segments,
      'field.missing_required',
      'The field has no `required` (true or false); the docs do not mark it optional.',
    );
  } else expectKind(issues, field.required, [...segments, 'required'], 'boolean');

  if (!Object.hasOwn(field, 'order')) {
    issues.warning(
      segments,
      'field.missing_order',
      'The field has no `order`; the docs do not mark it optional.',
    );
  } else if (expectKind(issues, field.order, [...segments, 'order'], 'number')) {
    const order = field.order;
    if (!Number.isInteger(order) || order < 0) {
      issues.warning(
        [...segments, 'order'],
        'field.order_not_integer',
        `Order ${order} is not a whole number from 0 up.`,
      );
    }
    facts.order = order;
  }

  if (optionalKind(issues, field, 'slug', segments, 'string')) {
    const slug = (field.slug as string).trim();
    if (slug === '')
      issues.error(
        [...segments, 'slug'],
        'field.empty_slug',
        'The slug is empty; leave it out or name the field.',
      );
    else facts.slug = slug;
  }
  optionalKind(issues, field, 'affix', segments, 'string');

  if (!Object.hasOwn(field, 'texts')) {
    issues.error(
      segments,
      'field.missing_label',
      'The field has no `texts.label`, so it would have no label.',
    );
  } else if (expectKind(issues, field.texts, [...segments, 'texts'], 'object')) {
    const texts = field.texts;
    checkTexts(issues, texts, [...segments, 'texts'], FIELD_TEXT_KEYS, 'a field’s texts');
    if (!Object.hasOwn(texts, 'label')) {
      issues.error(
        [...segments, 'texts'],
        'field.missing_label',
        'The field has no `texts.label`, so it would have no label.',
      );
    } else if (typeof texts.label === 'string' && texts.label.trim() === '') {
      issues.error([...segments, 'texts', 'label'], 'field.empty_label', 'The field’s label is empty.');
    }
  }

  const bounds = checkValidators(issues, field, segments, inputType);
  checkAttributes(issues, field, segments, inputType, bounds);
  return facts;
}

function checkInputType(
  issues: IssueCollector,
  field: Record<string, unknown>,
  segments: readonly JsonPathSegment[],
): FormInputType | null {
  const at = [...segments, 'input_type'];
  if (!Object.hasOwn(field, 'input_type')) {
    issues.error(
      segments,
      'field.missing_input_type',
      `The field has no \`input_type\` (one of ${FORM_INPUT_TYPES.join(', ')}).`,
    );
    return null;
  }
  if (!expectKind(issues, field.input_type, at, 'string')) return null;
  const name = field.input_type;
  if ((FORM_INPUT_TYPES as readonly string[]).includes(name)) return name as FormInputType;
  const suggestion = INPUT_TYPE_HINTS[name.toLowerCase()] ?? closestKey(name, FORM_INPUT_TYPES);
  issues.error(
    at,
    'field.unknown_input_type',
    `Unknown input type \`${name}\`${suggestion ? `; did you mean \`${suggestion}\`?` : '.'} Kindly supports ${FORM_INPUT_TYPES.join(', ')}.`,
  );
  return null;
}

interface Bounds {
  minimum?: number;
  maximum?: number;
}

function checkValidators(
  issues: IssueCollector,
  field: Record<string, unknown>,
  segments: readonly JsonPathSegment[],
  inputType: FormInputType | null,
): Bounds {
  const bounds: Bounds = {};
  if (!Object.hasOwn(field, 'validators')) return bounds;
  const at = [...segments, 'validators'];
  if (isPlainObject(field.validators)) {
    issues.error(at, 'wrong_type', '`validators` must be an array of rule objects: wrap it in [ ].');
    return bounds;
  }
  if (!expectKind(issues, field.validators, at, 'array')) return bounds;

  const seen: Partial<
    Record<'min_length' | 'max_length' | 'minimum' | 'maximum', { value: number; index: number }>
  > = {};
  field.validators.forEach((validator, index) => {
    const vAt = [...at, index];
    if (!expectKind(issues, validator, vAt, 'object')) return;
    checkUnknownKeys(issues, validator, vAt, VALIDATOR_KEYS, 'a validator', { hints: VALIDATOR_HINTS });
    const rules = VALIDATOR_RULE_KEYS.filter((key) => Object.hasOwn(validator, key));
    if (rules.length === 0) {
      issues.warning(
        vAt,
        'validator.empty',
        'The validator holds no rule (min_length, max_length, minimum, maximum, pattern or preset).',
      );
    } else if (rules.length > 1) {
      issues.warning(
        vAt,
        'validator.multiple_rules',
        `The validator holds ${rules.join(' and ')}; whether one object may hold several rules is unconfirmed. Kindly’s example uses one rule per object.`,
      );
    }
    for (const key of ['min_length', 'max_length'] as const) {
      if (!optionalKind(issues, validator, key, vAt, 'number')) continue;
      const value = validator[key] as number;
      if (!Number.isInteger(value) || value < 0) {
        issues.error([...vAt, key], 'validator.bad_length', `\`${key}\` must be a whole number from 0 up.`);
      }
      seen[key] = { value, index };
      if (inputType && !TEXT_INPUT_TYPES.includes(inputType)) {
        issues.warning(
          [...vAt, key],
          'validator.rule_unused',
          `\`${key}\` applies to text input; this is a ${inputType} field.`,
        );
      }
    }
    for (const key of ['minimum', 'maximum'] as const) {
      if (!optionalKind(issues, validator, key, vAt, 'number')) continue;
      seen[key] = { value: validator[key] as number, index };
      bounds[key] = validator[key] as number;
      if (inputType && !NUMERIC_INPUT_TYPES.includes(inputType)) {
        issues.warning(
          [...vAt, key],
          'validator.rule_unused',
          `\`${key}\` applies to number and range fields; this is a ${inputType} field.`,
        );
      }
    }
    if (optionalKind(issues, validator, 'pattern', vAt, 'string')) {
      try {
        new RegExp(validator.pattern as string);
      } catch (error) {
        issues.error(
          [...vAt, 'pattern'],
          'validator.bad_pattern',
          `The pattern is not a valid regular expression: ${(error as Error).message}`,
        );
      }
      if (inputType && !TEXT_INPUT_TYPES.includes(inputType)) {
        issues.warning(
          [...vAt, 'pattern'],
          'validator.rule_unused',
          `\`pattern\` applies to text input; this is a ${inputType} field.`,
        );
      }
    }
    optionalKind(issues, validator, 'preset', vAt, 'string');
    if (optionalKind(issues, validator, 'texts', vAt, 'object')) {
      const texts = validator.texts as Record<string, unknown>;
      for (const key of Object.keys(texts)) expectKind(issues, texts[key], [...vAt, 'texts', key], 'string');
    }
  });

  for (const [low, high] of [
    ['min_length', 'max_length'],
    ['minimum', 'maximum'],
  ] as const) {
    const lower = seen[low];
    const upper = seen[high];
    if (lower && upper && lower.value > upper.value) {
      issues.error(
        [...at, Math.max(lower.index, upper.index), lower.index > upper.index ? low : high],
        'validator.min_over_max',
        `\`${low}\` (${lower.value}) is greater than \`${high}\` (${upper.value}), so no answer can pass.`,
      );
    }
  }
  if (inputType === 'range' && (bounds.minimum === undefined || bounds.maximum === undefined)) {
    issues.note(
      segments,
      'field.range_bounds',
      'A range field without both `minimum` and `maximum` validators leaves the slider’s ends to the widget.',
    );
  }
  return bounds;
}

function checkAttributes(
  issues: IssueCollector,
  field: Record<string, unknown>,
  segments: readonly JsonPathSegment[],
  inputType: FormInputType | null,
  bounds: Bounds,
): void {
  const needsOptions = inputType !== null && INPUT_TYPES_NEEDING_OPTIONS.includes(inputType);
  const at = [...segments, 'attributes'];
  if (!Object.hasOwn(field, 'attributes')) {
    if (needsOptions) {
      issues.error(
        segments,
        'field.missing_options',
        `A ${inputType} field needs \`attributes.options\` to offer a choice.`,
      );
    }
    return;
  }
  if (!expectKind(issues, field.attributes, at, 'object')) return;
  const attributes = field.attributes;
  checkUnknownKeys(issues, attributes, at, ATTRIBUTE_KEYS, 'a field’s attributes');

  if (optionalKind(issues, attributes, 'step', at, 'number')) {
    if ((attributes.step as number) <= 0) {
      issues.error([...at, 'step'], 'field.step_not_positive', '`step` must be greater than 0.');
    }
    if (inputType && !NUMERIC_INPUT_TYPES.includes(inputType)) {
      issues.warning(
        [...at, 'step'],
        'field.step_unused',
        `\`step\` applies to number and range fields; this is a ${inputType} field.`,
      );
    }
  }

  const optionValues = checkOptions(issues, attributes, at, inputType, needsOptions);

  if (Object.hasOwn(attributes, 'default_value')) {
    const value = attributes.default_value;
    const dAt = [...at, 'default_value'];
    if (optionValues && optionValues.length > 0 && !optionValues.some((option) => option === value)) {
      issues.warning(
        dAt,
        'field.default_not_option',
        'The default value is not one of the field’s option values.',
      );
    }
    if (inputType && NUMERIC_INPUT_TYPES.includes(inputType) && value !== null) {
      if (typeof value !== 'number') {
        issues.warning(dAt, 'field.default_type', `A ${inputType} field’s default value should be a number.`);
      } else if (
        (bounds.minimum !== undefined && value < bounds.minimum) ||
        (bounds.maximum !== undefined && value > bounds.maximum)
      ) {
        issues.warning(
          dAt,
          'field.default_out_of_range',
          'The default value lies outside the field’s minimum and maximum.',
        );
      }
    }
  }
}

/** Answers the option values, or null when there are no usable options. */
function checkOptions(
  issues: IssueCollector,
  attributes: Record<string, unknown>,
  at: readonly JsonPathSegment[],
  inputType: FormInputType | null,
  needsOptions: boolean,
): unknown[] | null {
  if (!Object.hasOwn(attributes, 'options')) {
    if (needsOptions) {
      issues.error(
        at,
        'field.missing_options',
        `A ${inputType} field needs \`attributes.options\` to offer a choice.`,
      );
    }
    return null;
  }
  const oAt = [...at, 'options'];
  if (!expectKind(issues, attributes.options, oAt, 'array')) return null;
  const options = attributes.options;
  if (options.length === 0 && needsOptions) {
    issues.error(oAt, 'field.missing_options', `A ${inputType} field needs at least one option.`);
  }
  if (inputType && !INPUT_TYPES_WITH_OPTIONS.includes(inputType)) {
    issues.warning(
      oAt,
      'field.options_unused',
      `Options apply to select, radio and checkbox fields; this is a ${inputType} field.`,
    );
  }
  const values: unknown[] = [];
  options.forEach((option, index) => {
    const optAt = [...oAt, index];
    if (!expectKind(issues, option, optAt, 'object')) return;
    checkUnknownKeys(issues, option, optAt, ['value', 'label'], 'an option');
    if (!Object.hasOwn(option, 'label'))
      issues.error(optAt, 'option.missing_label', 'The option has no `label`.');
    else expectKind(issues, option.label, [...optAt, 'label'], 'string');
    if (!Object.hasOwn(option, 'value')) {
      issues.error(optAt, 'option.missing_value', 'The option has no `value`.');
      return;
    }
    const value = option.value;
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      issues.error(
        [...optAt, 'value'],
        'wrong_type',
        'An option’s `value` must be a string, number or boolean.',
      );
      return;
    }
    if (values.includes(value)) {
      issues.warning(
        [...optAt, 'value'],
        'option.duplicate_value',
        `Option value ${JSON.stringify(value)} appears twice.`,
      );
    }
    values.push(value);
  });
  return values;
}
