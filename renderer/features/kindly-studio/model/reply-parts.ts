import {
  CAROUSEL_IMAGE_URL_KEY,
  CAROUSEL_LINK_URL_KEY,
  INPUT_TYPES_NEEDING_OPTIONS,
  MAX_FORM_FIELDS,
  type CarouselButtonType,
  type FormInputType,
  type ReplyButtonType,
} from '../../../../shared/kindly/vocabulary.js';
import type { JsonObject } from './reply-edit.js';

/**
 * New parts for the builder, and type changes that keep what the user typed. Required keys start
 * empty so the validator points at what is left to fill; optional keys are added only when used.
 */

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function newReplyButton(type: ReplyButtonType = 'quick_reply'): JsonObject {
  return { button_type: type, label: '', value: '' };
}

/** A card id not used yet in the carousel: `card-1`, `card-2`, … */
export function nextCardId(cards: readonly unknown[]): string {
  const taken = new Set(cards.filter(isObject).map((card) => card.id));
  let n = cards.length + 1;
  while (taken.has(`card-${n}`)) n++;
  return `card-${n}`;
}

export function newCarouselCard(cards: readonly unknown[]): JsonObject {
  return { id: nextCardId(cards), title: '', description: '', buttons: [] };
}

/** Carousel buttons need ids unique in the card; derived from the card's id. */
export function newCarouselButton(card: JsonObject, type: CarouselButtonType = 'quick_reply'): JsonObject {
  const buttons = Array.isArray(card.buttons) ? card.buttons : [];
  const base = typeof card.id === 'string' && card.id !== '' ? card.id : 'card';
  const taken = new Set(buttons.filter(isObject).map((button) => button.id));
  let n = buttons.length + 1;
  while (taken.has(`${base}-button-${n}`)) n++;
  return { id: `${base}-button-${n}`, button_type: type, label: '', value: '' };
}

/**
 * A button with another type: label, value, context (and a carousel button's id) stay;
 * `open_in_new_tab` only exists on reply links.
 */
export function withButtonType(button: JsonObject, type: string): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(button)) {
    if (key === 'open_in_new_tab' && type !== 'link') continue;
    out[key] = key === 'button_type' ? type : value;
  }
  if (!Object.hasOwn(out, 'button_type')) return { button_type: type, ...out };
  return out;
}

/** Fields the form may still take (Kindly allows five). */
export function fieldsLeft(fields: readonly unknown[]): number {
  return Math.max(0, MAX_FORM_FIELDS - fields.length);
}

/** The next `order`: one past the highest numeric order so far. */
export function nextFieldOrder(fields: readonly unknown[]): number {
  const orders = fields
    .filter(isObject)
    .map((field) => field.order)
    .filter((order): order is number => typeof order === 'number' && Number.isFinite(order));
  return orders.length === 0 ? fields.length + 1 : Math.max(...orders) + 1;
}

export function newFormField(fields: readonly unknown[], type: FormInputType = 'text'): JsonObject {
  const field: JsonObject = {
    input_type: type,
    required: false,
    order: nextFieldOrder(fields),
    texts: { label: '' },
  };
  return INPUT_TYPES_NEEDING_OPTIONS.includes(type) ? withInputType(field, type) : field;
}

/** Select and radio fields need options; the first one is added so the field is usable at once. */
export function withInputType(field: JsonObject, type: FormInputType): JsonObject {
  const next: JsonObject = { ...field, input_type: type };
  const attributes = isObject(field.attributes) ? field.attributes : {};
  if (INPUT_TYPES_NEEDING_OPTIONS.includes(type) && !Array.isArray(attributes.options)) {
    return { ...next, attributes: { ...attributes, options: [{ value: 'option-1', label: 'Option 1' }] } };
  }
  return next;
}

export function newForm(): JsonObject {
  return {
    texts: { title: '', submit_button_text: 'Submit', cancel_button_text: 'Cancel' },
    fields: [newFormField([])],
  };
}

export function newOption(options: readonly unknown[]): JsonObject {
  const n = options.length + 1;
  return { value: `option-${n}`, label: `Option ${n}` };
}

/** The carousel's URL keys as the studio writes them (docs/kindly.md §3.3). */
export const IMAGE_URL_KEY = CAROUSEL_IMAGE_URL_KEY;
export const LINK_URL_KEY = CAROUSEL_LINK_URL_KEY;
