import { z } from 'zod';
import {
  CAROUSEL_IMAGE_URL_KEY,
  CAROUSEL_LINK_URL_KEY,
  FORM_INPUT_TYPES,
  MAX_FORM_FIELDS,
} from './vocabulary.js';

/**
 * The complete Kindly dialogue-webhook response (docs/kindly.md §3) in its canonical spelling: what
 * the studio emits and what its builder edits. Objects are strict so a JSON editor driven by
 * `z.toJSONSchema(KindlyReply)` completes only real keys. The tolerant checks (alternative
 * spellings, "did you mean", cross-field rules) live in `validateKindlyReply`, which reads the same
 * key lists from these shapes.
 */

const ContextValues = z
  .record(z.string(), z.unknown())
  .describe('Values written to the chat context memory; existing keys are overwritten.');

const buttonCommon = {
  label: z.string().describe('Text shown on the button.'),
  value: z.string(),
  context: ContextValues.optional().describe('Context values set when the button is clicked.'),
};

export const KindlyQuickReplyButton = z.strictObject({
  button_type: z.literal('quick_reply'),
  ...buttonCommon,
  value: z.string().describe('Reply text sent as the user when clicked.'),
});
export const KindlyLinkButton = z.strictObject({
  button_type: z.literal('link'),
  ...buttonCommon,
  value: z.string().describe('The URL to open.'),
  open_in_new_tab: z.boolean().optional().describe('Open the link in a new browser tab.'),
});
export const KindlyEmailButton = z.strictObject({
  button_type: z.literal('email'),
  ...buttonCommon,
  value: z.string().describe('E-mail address.'),
});
export const KindlyPhoneButton = z.strictObject({
  button_type: z.literal('phone'),
  ...buttonCommon,
  value: z.string().describe('Phone number.'),
});
export const KindlyDialogueTriggerButton = z.strictObject({
  button_type: z.literal('dialogue_trigger'),
  ...buttonCommon,
  value: z.string().describe('Dialogue ID (UUID) or dialogue slug to trigger.'),
});

/** A button under the reply (§3.2). */
export const KindlyReplyButton = z.discriminatedUnion('button_type', [
  KindlyQuickReplyButton,
  KindlyLinkButton,
  KindlyEmailButton,
  KindlyPhoneButton,
  KindlyDialogueTriggerButton,
]);
export type KindlyReplyButton = z.infer<typeof KindlyReplyButton>;

const carouselButtonCommon = {
  id: z.string().describe('Button ID.'),
  label: z.string().describe('Text shown on the button.'),
  value: z.string(),
  context: ContextValues.optional().describe('Context values set when the button is clicked.'),
};

/** A button on a carousel card (§3.3): only these three types, and `trigger_dialogue` spelled so. */
export const KindlyCarouselButton = z.discriminatedUnion('button_type', [
  z.strictObject({
    button_type: z.literal('trigger_dialogue'),
    ...carouselButtonCommon,
    value: z.string().describe('Dialogue ID (UUID) or dialogue slug to trigger.'),
  }),
  z.strictObject({
    button_type: z.literal('link'),
    ...carouselButtonCommon,
    value: z.string().describe('The URL to open.'),
  }),
  z.strictObject({
    button_type: z.literal('quick_reply'),
    ...carouselButtonCommon,
    value: z.string().describe('Reply text sent as the user when clicked.'),
  }),
]);
export type KindlyCarouselButton = z.infer<typeof KindlyCarouselButton>;

export const KindlyCarouselCard = z.strictObject({
  id: z.string().describe('Card ID.'),
  title: z.string().optional(),
  description: z.string().optional(),
  [CAROUSEL_IMAGE_URL_KEY]: z.string().optional().describe('Image URL (key casing unconfirmed; see docs).'),
  [CAROUSEL_LINK_URL_KEY]: z.string().optional().describe("The card's link (key casing unconfirmed)."),
  buttons: z.array(KindlyCarouselButton).optional(),
});
export type KindlyCarouselCard = z.infer<typeof KindlyCarouselCard>;

export const KindlyFormTexts = z.strictObject({
  title: z.string().optional().describe('Form title.'),
  submit_button_text: z.string().optional().describe('Submit button label.'),
  cancel_button_text: z.string().optional().describe('Cancel button label.'),
  cancel_text: z.string().optional().describe('Message shown when the form is exited.'),
  error_text: z.string().optional().describe('Message shown when an error occurs.'),
  unanswered_text: z.string().optional().describe('Message shown when the form is left unanswered.'),
});

export const KindlyFieldTexts = z.strictObject({
  label: z.string().describe('Main label.'),
  help_text: z.string().optional(),
  placeholder_text: z.string().optional(),
  required_text: z.string().optional().describe('Text shown for required fields.'),
  affix_value: z.string().optional(),
});

export const KindlyFieldValidator = z.strictObject({
  min_length: z.number().optional(),
  max_length: z.number().optional(),
  maximum: z.number().optional(),
  minimum: z.number().optional(),
  pattern: z.string().optional().describe('Regular expression the answer must match.'),
  preset: z.string().optional().describe('Predefined validation type (values undocumented).'),
  texts: z.record(z.string(), z.string()).optional().describe('Custom feedback messages.'),
});

export const KindlyFieldOption = z.strictObject({
  value: z.union([z.string(), z.number(), z.boolean()]),
  label: z.string(),
});

export const KindlyFieldAttributes = z.strictObject({
  default_value: z.unknown().optional(),
  step: z.number().optional().describe('Step for number and range inputs.'),
  options: z.array(KindlyFieldOption).optional().describe('Choices for select, radio and checkbox.'),
});

export const KindlyFormField = z.strictObject({
  input_type: z.enum(FORM_INPUT_TYPES),
  required: z.boolean(),
  order: z.number().describe('Position in the form.'),
  slug: z.string().optional().describe('Unique field identifier.'),
  affix: z.string().optional(),
  texts: KindlyFieldTexts,
  validators: z.array(KindlyFieldValidator).optional(),
  attributes: KindlyFieldAttributes.optional(),
});
export type KindlyFormField = z.infer<typeof KindlyFormField>;

export const KindlyForm = z.strictObject({
  language_code: z.string().optional(),
  texts: KindlyFormTexts.optional(),
  fields: z.array(KindlyFormField).min(1).max(MAX_FORM_FIELDS),
});
export type KindlyForm = z.infer<typeof KindlyForm>;

export const KindlyAiReply = z.strictObject({
  data: z.unknown().describe('Any intelligible text, JSON or XML the AI writes the reply from.'),
});

/** The whole response object. Every key is optional; `{}` is a valid answer. */
export const KindlyReply = z.strictObject({
  reply: z.string().optional().describe('Bot message; a blank line ("\\n\\n") starts a new bubble.'),
  buttons: z.array(KindlyReplyButton).optional(),
  image_carousel: z.array(KindlyCarouselCard).optional(),
  form: KindlyForm.optional(),
  new_context: ContextValues.optional(),
  exchange_id: z.string().optional().describe('Dialogue UUID to trigger instead of replying.'),
  exchange_slug: z.string().optional().describe('Dialogue slug to trigger instead of replying.'),
  labels: z.array(z.string()).optional().describe('Label names (must exist in the workspace).'),
  chatbubble_hide_input_field: z.boolean().optional().describe('Hide the chat input field.'),
  aireply: KindlyAiReply.optional().describe('Smart Webhooks (beta); `reply` is ignored when present.'),
  image: z.string().optional().describe('Deprecated: a single image URL; use image_carousel.'),
  image_alt_text: z.string().optional().describe('Deprecated: alternative text for `image`.'),
});
export type KindlyReply = z.infer<typeof KindlyReply>;

/** Key names of a strict object schema, for the validator's "unknown key" checks. */
export function keysOf(schema: z.ZodObject): string[] {
  return Object.keys(schema.shape);
}
