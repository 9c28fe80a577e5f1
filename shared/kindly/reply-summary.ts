import type { KindlyPreview } from './preview-model.js';

/**
 * The reply as text for a chat thread and the conversation list: the message itself when there is
 * one, otherwise a short description of what the reply does.
 */
export function describeKindlyReply(preview: KindlyPreview): string {
  const text = preview.replyIgnored
    ? ''
    : preview.paragraphs
        .map((paragraph) => paragraph.text)
        .filter((paragraph) => paragraph !== '')
        .join('\n\n');
  if (text !== '') return text;

  const parts: string[] = [];
  for (const annotation of preview.annotations) {
    if (annotation.kind === 'aireply') parts.push('AI reply from data');
    if (annotation.kind === 'exchange_trigger') parts.push(`Triggers dialogue ${annotation.target}`);
  }
  if (preview.image) parts.push('Image');
  if (preview.carousel.length > 0) {
    parts.push(`Carousel: ${preview.carousel.map((card) => card.title || card.id || 'card').join(', ')}`);
  }
  if (preview.form) {
    const count = preview.form.fields.length;
    parts.push(
      `Form${preview.form.title ? ` “${preview.form.title}”` : ''} (${count} field${count === 1 ? '' : 's'})`,
    );
  }
  if (preview.buttons.length > 0)
    parts.push(`Buttons: ${preview.buttons.map((button) => button.label).join(', ')}`);
  if (parts.length === 0) {
    for (const annotation of preview.annotations) {
      if (annotation.kind === 'new_context')
        parts.push(`Context: ${Object.keys(annotation.values).join(', ')}`);
      if (annotation.kind === 'labels') parts.push(`Labels: ${annotation.labels.join(', ')}`);
      if (annotation.kind === 'hide_input') parts.push('Hides the input field');
    }
  }
  return parts.join(' · ');
}
