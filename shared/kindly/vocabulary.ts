/**
 * The words of Kindly's dialogue webhook response (docs/kindly.md §3). One list per concept, so the
 * schema, the validator and the preview cannot disagree about what exists.
 */

/** Button types under a reply (§3.2). */
export const REPLY_BUTTON_TYPES = ['quick_reply', 'link', 'email', 'phone', 'dialogue_trigger'] as const;
export type ReplyButtonType = (typeof REPLY_BUTTON_TYPES)[number];

/** Button types on a carousel card (§3.3). Note `trigger_dialogue`, not `dialogue_trigger`. */
export const CAROUSEL_BUTTON_TYPES = ['trigger_dialogue', 'link', 'quick_reply'] as const;
export type CarouselButtonType = (typeof CAROUSEL_BUTTON_TYPES)[number];

/** Every button type either list knows; the preview renders both dialogue spellings the same way. */
export type AnyButtonType = ReplyButtonType | CarouselButtonType;

/** Form field input types (§3.4). */
export const FORM_INPUT_TYPES = [
  'text',
  'email',
  'number',
  'range',
  'select',
  'checkbox',
  'radio',
  'file',
] as const;
export type FormInputType = (typeof FORM_INPUT_TYPES)[number];

/** Input types whose field needs `attributes.options` to be usable. */
export const INPUT_TYPES_NEEDING_OPTIONS: readonly FormInputType[] = ['select', 'radio'];
/** Input types where `attributes.options` makes sense at all. */
export const INPUT_TYPES_WITH_OPTIONS: readonly FormInputType[] = ['select', 'radio', 'checkbox'];
/** Input types where `attributes.step`, `minimum` and `maximum` make sense. */
export const NUMERIC_INPUT_TYPES: readonly FormInputType[] = ['number', 'range'];
/** Input types where `min_length`, `max_length` and `pattern` make sense. */
export const TEXT_INPUT_TYPES: readonly FormInputType[] = ['text', 'email'];

/** "It can have at most 5 fields." */
export const MAX_FORM_FIELDS = 5;

export const FORM_TEXT_KEYS = [
  'title',
  'submit_button_text',
  'cancel_button_text',
  'cancel_text',
  'error_text',
  'unanswered_text',
] as const;

export const FIELD_TEXT_KEYS = [
  'label',
  'help_text',
  'placeholder_text',
  'required_text',
  'affix_value',
] as const;

/** Rules a validator object may hold; `texts` (custom feedback) rides along and is not a rule. */
export const VALIDATOR_RULE_KEYS = [
  'min_length',
  'max_length',
  'maximum',
  'minimum',
  'pattern',
  'preset',
] as const;
export type ValidatorRuleKey = (typeof VALIDATOR_RULE_KEYS)[number];

/**
 * The carousel URL keys. Kindly's page shows them lowercased (`imageurl`, `linkurl`); camelCase is
 * the likely original (unconfirmed, §3.3). We emit camelCase and accept any casing with a warning.
 */
export const CAROUSEL_IMAGE_URL_KEY = 'imageUrl';
export const CAROUSEL_LINK_URL_KEY = 'linkUrl';

/** `Kindly-HMAC-algorithm` as sent today (§2); any other value means the algorithm changed. */
export const KINDLY_HMAC_ALGORITHM = 'HMAC-SHA-256 (base64 encoded)';
