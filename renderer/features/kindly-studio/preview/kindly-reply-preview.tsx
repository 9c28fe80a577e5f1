import { Bot, EyeOff, SendHorizontal } from 'lucide-react';
import { useMemo } from 'react';
import { buildKindlyPreview } from '../../../../shared/kindly/reply-preview.js';
import type { KindlyPreview } from '../../../../shared/kindly/preview-model.js';
import type { Finding } from '../model/findings.js';
import { LoadImagesButton } from './load-images-button.js';
import { PreviewAnnotations } from './preview-annotations.js';
import { PreviewButtons } from './preview-buttons.js';
import { PreviewCarousel } from './preview-carousel.js';
import { PreviewForm } from './preview-form.js';
import { PreviewFindings, usePreviewMarks } from './preview-marks.js';
import { RemoteImage } from './remote-image.js';

function hasRemoteImages(preview: KindlyPreview): boolean {
  return preview.carousel.some((card) => card.imageUrl !== null) || Boolean(preview.image?.url);
}

function Bubbles({ preview }: { preview: KindlyPreview }) {
  const mark = usePreviewMarks();
  if (preview.paragraphs.length === 0) return null;
  return (
    <div className={`kp-bubbles ${preview.replyIgnored ? 'kp-bubbles-ignored' : ''}`} data-path="reply">
      {preview.paragraphs.map((paragraph) => (
        <div key={paragraph.index} className={`kp-bubble ${mark('reply')}`}>
          {paragraph.text || <em className="muted">(empty bubble)</em>}
        </div>
      ))}
      {preview.replyIgnored && (
        <div className="kp-ignored-note">Ignored: Kindly’s AI writes the reply (aireply).</div>
      )}
    </div>
  );
}

/** The parts of a reply in the widget's order: bubbles, image, carousel, form, buttons, effects. */
export function PreviewContent({ preview, compact = false }: { preview: KindlyPreview; compact?: boolean }) {
  if (preview.isEmpty) {
    return (
      <p className="kp-empty">
        Empty reply <code>{'{}'}</code>: Kindly probably keeps the dialogue’s own answer.
      </p>
    );
  }
  return (
    <>
      <Bubbles preview={preview} />
      {preview.image && (
        <div className="kp-single-image" data-path="image">
          <RemoteImage url={preview.image.url} alt={preview.image.altText ?? 'Image'} />
          {preview.image.altText && <div className="kp-image-alt">alt: {preview.image.altText}</div>}
        </div>
      )}
      <PreviewCarousel cards={preview.carousel} compact={compact} />
      {preview.form && <PreviewForm form={preview.form} compact={compact} />}
      <PreviewButtons buttons={preview.buttons} compact={compact} />
      <PreviewAnnotations annotations={preview.annotations} />
    </>
  );
}

/**
 * A Kindly reply as the chat widget would show it, built from the shared preview model. Payload
 * text is rendered as text; links are shown, never followed; remote images wait for "Load images".
 */
export function KindlyReplyPreview({
  value,
  findings = [],
  stale = false,
  title = 'Preview',
}: {
  value: unknown;
  findings?: readonly Finding[];
  /** The JSON no longer parses: this is the last valid reply. */
  stale?: boolean;
  title?: string;
}) {
  const preview = useMemo(() => buildKindlyPreview(value), [value]);
  return (
    <PreviewFindings.Provider value={findings}>
      <section className={`kp-widget ${stale ? 'kp-stale' : ''}`} aria-label={title}>
        <header className="kp-widget-header">
          <span className="kp-widget-title">
            <Bot size={14} aria-hidden="true" /> {title}
          </span>
          {stale && <span className="kp-tag">last valid JSON</span>}
          <span className="capture-spacer" />
          {hasRemoteImages(preview) && <LoadImagesButton />}
        </header>
        <div className="kp-widget-body">
          <PreviewContent preview={preview} />
        </div>
        <footer
          className={`kp-widget-input ${preview.inputHidden ? 'kp-input-hidden' : ''}`}
          aria-hidden="true"
        >
          {preview.inputHidden ? (
            <>
              <EyeOff size={13} /> Input field hidden
            </>
          ) : (
            <>
              <span>Type a message…</span>
              <SendHorizontal size={14} />
            </>
          )}
        </footer>
      </section>
    </PreviewFindings.Provider>
  );
}

/** The same reply, compact, for chat threads and capture lists. */
export function KindlyReplyPreviewCompact({
  value,
  findings = [],
}: {
  value: unknown;
  findings?: readonly Finding[];
}) {
  const preview = useMemo(() => buildKindlyPreview(value), [value]);
  return (
    <PreviewFindings.Provider value={findings}>
      <div className="kp-compact">
        <PreviewContent preview={preview} compact />
        {hasRemoteImages(preview) && <LoadImagesButton variant="link" />}
      </div>
    </PreviewFindings.Provider>
  );
}
