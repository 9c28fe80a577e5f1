import { z } from 'zod';

/**
 * What the studio's live preview renders for a Kindly reply: already normalized (paragraphs split,
 * both dialogue-trigger spellings folded, carousel URL keys resolved, form fields in `order`), with
 * the JSON path of every part so the preview can point at the validator's findings. Links carry
 * only safe hrefs (http(s), mailto:, tel:).
 */

const Path = z.string().describe('JSON path of the part, as in validation issues.');

export const PreviewButton = z.object({
  path: Path,
  kind: z.enum(['quick_reply', 'link', 'email', 'phone', 'dialogue_trigger', 'unknown']),
  /** `button_type` as sent (may be misspelled or missing). */
  buttonType: z.string().nullable(),
  label: z.string(),
  value: z.string(),
  /** Where clicking would go, when that is safe to show: http(s) for links, mailto:/tel: otherwise. */
  href: z.string().nullable(),
  opensInNewTab: z.boolean(),
  /** Context values the button writes when clicked. */
  context: z.record(z.string(), z.unknown()).nullable(),
  /** Carousel buttons carry an id. */
  id: z.string().nullable(),
});
export type PreviewButton = z.infer<typeof PreviewButton>;

export const PreviewParagraph = z.object({
  path: Path,
  index: z.number().int(),
  /** Trimmed; '' for an empty bubble (the validator warns about those). */
  text: z.string(),
});
export type PreviewParagraph = z.infer<typeof PreviewParagraph>;

export const PreviewCard = z.object({
  path: Path,
  id: z.string().nullable(),
  title: z.string(),
  description: z.string(),
  /** Safe image URL, whichever key spelling held it. */
  imageUrl: z.string().nullable(),
  /** The key the image URL came from (`imageUrl`, `imageurl`, …). */
  imageKey: z.string().nullable(),
  linkUrl: z.string().nullable(),
  linkKey: z.string().nullable(),
  buttons: z.array(PreviewButton),
});
export type PreviewCard = z.infer<typeof PreviewCard>;

export const PreviewField = z.object({
  path: Path,
  /** Position in the `fields` array as sent (the list itself is sorted by `order`). */
  index: z.number().int(),
  inputType: z.string().nullable(),
  label: z.string(),
  helpText: z.string().nullable(),
  placeholder: z.string().nullable(),
  requiredText: z.string().nullable(),
  affix: z.string().nullable(),
  required: z.boolean(),
  order: z.number().nullable(),
  slug: z.string().nullable(),
  options: z.array(z.object({ value: z.unknown(), label: z.string() })),
  defaultValue: z.unknown(),
  step: z.number().nullable(),
  /** Validator rules in words, e.g. "at least 2 characters". */
  rules: z.array(z.string()),
});
export type PreviewField = z.infer<typeof PreviewField>;

export const PreviewForm = z.object({
  path: Path,
  languageCode: z.string().nullable(),
  title: z.string().nullable(),
  submitText: z.string().nullable(),
  cancelText: z.string().nullable(),
  /** Shown after the form is exited / on error / when left unanswered. */
  cancelledText: z.string().nullable(),
  errorText: z.string().nullable(),
  unansweredText: z.string().nullable(),
  fields: z.array(PreviewField),
  /** More fields than Kindly allows; the validator reports it as an error. */
  overLimit: z.boolean(),
});
export type PreviewForm = z.infer<typeof PreviewForm>;

export const PreviewAnnotation = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('labels'), path: Path, text: z.string(), labels: z.array(z.string()) }),
  z.object({
    kind: z.literal('new_context'),
    path: Path,
    text: z.string(),
    values: z.record(z.string(), z.unknown()),
  }),
  z.object({
    kind: z.literal('exchange_trigger'),
    path: Path,
    text: z.string(),
    by: z.enum(['exchange_id', 'exchange_slug']),
    target: z.string(),
  }),
  z.object({ kind: z.literal('hide_input'), path: Path, text: z.string() }),
  z.object({ kind: z.literal('aireply'), path: Path, text: z.string(), data: z.unknown() }),
  z.object({ kind: z.literal('deprecated_image'), path: Path, text: z.string() }),
]);
export type PreviewAnnotation = z.infer<typeof PreviewAnnotation>;

export const KindlyPreview = z.object({
  /** `{}` (or not an object): nothing to show; Kindly probably keeps the dialogue's own reply. */
  isEmpty: z.boolean(),
  paragraphs: z.array(PreviewParagraph),
  /** True when `aireply` is present: Kindly ignores `reply` and the AI writes the message. */
  replyIgnored: z.boolean(),
  /** The deprecated single image. */
  image: z.object({ path: Path, url: z.string().nullable(), altText: z.string().nullable() }).nullable(),
  buttons: z.array(PreviewButton),
  carousel: z.array(PreviewCard),
  form: PreviewForm.nullable(),
  /** Effects that are not bubbles: labels, context writes, a dialogue trigger, hidden input, AI reply. */
  annotations: z.array(PreviewAnnotation),
  /** The chat input field would be hidden. */
  inputHidden: z.boolean(),
});
export type KindlyPreview = z.infer<typeof KindlyPreview>;
