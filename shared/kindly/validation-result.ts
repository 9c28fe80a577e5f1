import { z } from 'zod';

/** One finding of the validator, at an exact place in the reply. */
export const KindlyIssue = z.object({
  /** Dotted JSON path, e.g. `form.fields[5]` or `image_carousel[0].buttons[1].button_type`; '' is the root. */
  path: z.string(),
  /** The same place as keys and indexes, for editors that locate it in the JSON text. */
  segments: z.array(z.union([z.string(), z.number().int()])),
  /** Stable machine-readable code, e.g. `form.too_many_fields`. */
  code: z.string(),
  /** One plain sentence for a person. */
  message: z.string(),
});
export type KindlyIssue = z.infer<typeof KindlyIssue>;

/**
 * `errors`: Kindly would reject or misread the reply. `warnings`: accepted but probably not what was
 * meant, or relying on something the documentation leaves unconfirmed. `notes`: advice only; a reply
 * with notes is still clean.
 */
export const KindlyValidation = z.object({
  valid: z.boolean(),
  errors: z.array(KindlyIssue),
  warnings: z.array(KindlyIssue),
  notes: z.array(KindlyIssue),
});
export type KindlyValidation = z.infer<typeof KindlyValidation>;
