import { formatJsonPath, type JsonPathSegment } from './json-path.js';
import type {
  KindlyPreview,
  PreviewButton,
  PreviewCard,
  PreviewField,
  PreviewForm,
} from './preview-model.js';
import {
  buttonKind,
  EMAIL_ADDRESS,
  fieldsInOrder,
  isPlainObject,
  looksLikePhone,
  readAliasedKey,
  readExchangeTrigger,
  readHideInputField,
  safeHref,
  splitParagraphs,
} from './reply-readers.js';
import { CAROUSEL_IMAGE_URL_KEY, CAROUSEL_LINK_URL_KEY, MAX_FORM_FIELDS } from './vocabulary.js';

/**
 * Builds the preview model of any value, valid or not: what can be read is shown, in the same
 * reading the validator uses (reply-readers.ts), so the preview and the findings always agree.
 */
export function buildKindlyPreview(value: unknown): KindlyPreview {
  const preview: KindlyPreview = {
    isEmpty: true,
    paragraphs: [],
    replyIgnored: false,
    image: null,
    buttons: [],
    carousel: [],
    form: null,
    annotations: [],
    inputHidden: false,
  };
  if (!isPlainObject(value)) return preview;
  const reply = value;
  preview.isEmpty = Object.keys(reply).length === 0;

  if (typeof reply.reply === 'string' && reply.reply.trim() !== '') {
    preview.paragraphs = splitParagraphs(reply.reply).map((text, index) => ({
      path: 'reply',
      index,
      text: text.trim(),
    }));
  }
  if (isPlainObject(reply.aireply)) {
    preview.replyIgnored = true;
    preview.annotations.push({
      kind: 'aireply',
      path: 'aireply',
      text: 'Kindly’s AI writes the reply from this data (Smart Webhooks, beta).',
      data: reply.aireply.data,
    });
  }
  if (Object.hasOwn(reply, 'image')) {
    preview.image = {
      path: 'image',
      url: safeHref(reply.image),
      altText: typeof reply.image_alt_text === 'string' ? reply.image_alt_text : null,
    };
    preview.annotations.push({
      kind: 'deprecated_image',
      path: 'image',
      text: '`image` is deprecated; use image_carousel.',
    });
  }
  if (Array.isArray(reply.buttons)) {
    preview.buttons = reply.buttons.flatMap((button, index) => previewButton(button, ['buttons', index]));
  }
  if (Array.isArray(reply.image_carousel)) {
    preview.carousel = reply.image_carousel.flatMap((card, index) =>
      previewCard(card, ['image_carousel', index]),
    );
  }
  if (isPlainObject(reply.form)) preview.form = previewForm(reply.form);

  const trigger = readExchangeTrigger(reply);
  if (trigger) {
    preview.annotations.push({
      kind: 'exchange_trigger',
      path: trigger.by,
      text: `Triggers the dialogue ${trigger.by === 'exchange_id' ? 'with ID' : 'with slug'} “${trigger.target}” instead of replying.`,
      by: trigger.by,
      target: trigger.target,
    });
  }
  if (isPlainObject(reply.new_context)) {
    const keys = Object.keys(reply.new_context);
    if (keys.length > 0) {
      preview.annotations.push({
        kind: 'new_context',
        path: 'new_context',
        text: `Sets context ${keys.join(', ')}.`,
        values: reply.new_context,
      });
    }
  }
  if (Array.isArray(reply.labels)) {
    const labels = reply.labels.filter(
      (label): label is string => typeof label === 'string' && label.trim() !== '',
    );
    if (labels.length > 0) {
      preview.annotations.push({
        kind: 'labels',
        path: 'labels',
        text: `Adds label${labels.length > 1 ? 's' : ''} ${labels.join(', ')} to the chat (names must exist in the workspace).`,
        labels,
      });
    }
  }
  const hide = readHideInputField(reply);
  if (hide?.value === true) {
    preview.inputHidden = true;
    preview.annotations.push({
      kind: 'hide_input',
      path: formatJsonPath(hide.segments),
      text: 'Hides the chat input field.',
    });
  }
  return preview;
}

function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

function optionalText(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function previewButton(button: unknown, segments: JsonPathSegment[]): PreviewButton[] {
  if (!isPlainObject(button)) return [];
  const kind = buttonKind(button.button_type);
  const value = text(button.value);
  let href: string | null = null;
  if (kind === 'link') href = safeHref(value);
  else if (kind === 'email') {
    const address = value.replace(/^mailto:/iu, '');
    href = EMAIL_ADDRESS.test(address) ? `mailto:${address}` : null;
  } else if (kind === 'phone') {
    const number = value.replace(/^tel:/iu, '');
    href = looksLikePhone(number) ? `tel:${number.replace(/[^\d+]/gu, '')}` : null;
  }
  return [
    {
      path: formatJsonPath(segments),
      kind,
      buttonType: typeof button.button_type === 'string' ? button.button_type : null,
      label: text(button.label),
      value,
      href,
      opensInNewTab: kind === 'link' && button.open_in_new_tab === true,
      context: isPlainObject(button.context) ? button.context : null,
      id: typeof button.id === 'string' ? button.id : null,
    },
  ];
}

function previewCard(card: unknown, segments: JsonPathSegment[]): PreviewCard[] {
  if (!isPlainObject(card)) return [];
  const image = readAliasedKey(card, CAROUSEL_IMAGE_URL_KEY);
  const link = readAliasedKey(card, CAROUSEL_LINK_URL_KEY);
  return [
    {
      path: formatJsonPath(segments),
      id: typeof card.id === 'string' ? card.id : null,
      title: text(card.title),
      description: text(card.description),
      imageUrl: image ? safeHref(image.value) : null,
      imageKey: image?.key ?? null,
      linkUrl: link ? safeHref(link.value) : null,
      linkKey: link?.key ?? null,
      buttons: Array.isArray(card.buttons)
        ? card.buttons.flatMap((button, index) => previewButton(button, [...segments, 'buttons', index]))
        : [],
    },
  ];
}

function previewForm(form: Record<string, unknown>): PreviewForm {
  const texts = isPlainObject(form.texts) ? form.texts : {};
  const fields = Array.isArray(form.fields) ? form.fields : [];
  return {
    path: 'form',
    languageCode: optionalText(form.language_code),
    title: optionalText(texts.title),
    submitText: optionalText(texts.submit_button_text),
    cancelText: optionalText(texts.cancel_button_text),
    cancelledText: optionalText(texts.cancel_text),
    errorText: optionalText(texts.error_text),
    unansweredText: optionalText(texts.unanswered_text),
    fields: fieldsInOrder(fields, (field) => (isPlainObject(field) ? field.order : undefined)).flatMap(
      ({ field, index }) => previewField(field, index),
    ),
    overLimit: fields.length > MAX_FORM_FIELDS,
  };
}

function previewField(field: unknown, index: number): PreviewField[] {
  if (!isPlainObject(field)) return [];
  const texts = isPlainObject(field.texts) ? field.texts : {};
  const attributes = isPlainObject(field.attributes) ? field.attributes : {};
  const options = Array.isArray(attributes.options)
    ? attributes.options
        .filter(isPlainObject)
        .map((option) => ({ value: option.value, label: text(option.label) }))
    : [];
  return [
    {
      path: formatJsonPath(['form', 'fields', index]),
      index,
      inputType: typeof field.input_type === 'string' ? field.input_type : null,
      label: text(texts.label),
      helpText: optionalText(texts.help_text),
      placeholder: optionalText(texts.placeholder_text),
      requiredText: optionalText(texts.required_text),
      affix: optionalText(texts.affix_value) ?? optionalText(field.affix),
      required: field.required === true,
      order: typeof field.order === 'number' ? field.order : null,
      slug: optionalText(field.slug),
      options,
      defaultValue: attributes.default_value,
      step: typeof attributes.step === 'number' ? attributes.step : null,
      rules: Array.isArray(field.validators) ? field.validators.flatMap(describeRules) : [],
    },
  ];
}

function describeRules(validator: unknown): string[] {
  if (!isPlainObject(validator)) return [];
  const rules: string[] = [];
  if (typeof validator.min_length === 'number') rules.push(`at least ${validator.min_length} characters`);
  if (typeof validator.max_length === 'number') rules.push(`at most ${validator.max_length} characters`);
  if (typeof validator.minimum === 'number') rules.push(`minimum ${validator.minimum}`);
  if (typeof validator.maximum === 'number') rules.push(`maximum ${validator.maximum}`);
  if (typeof validator.pattern === 'string') rules.push(`matches /${validator.pattern}/`);
  if (typeof validator.preset === 'string') rules.push(`preset “${validator.preset}”`);
  return rules;
}
