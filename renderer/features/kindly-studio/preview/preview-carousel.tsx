import { Link } from 'lucide-react';
import type { PreviewCard } from '../../../../shared/kindly/preview-model.js';
import { CopyButton } from '../../../components/copy-button.js';
import { PreviewButtons } from './preview-buttons.js';
import { usePreviewMarks } from './preview-marks.js';
import { RemoteImage } from './remote-image.js';

/** The image carousel: cards side by side, scrolled sideways as in the widget. */
export function PreviewCarousel({ cards, compact }: { cards: PreviewCard[]; compact?: boolean }) {
  const mark = usePreviewMarks();
  if (cards.length === 0) return null;
  return (
    <div
      className={`kp-carousel ${compact ? 'kp-carousel-compact' : ''}`}
      role="list"
      aria-label="Image carousel"
      tabIndex={0}
    >
      {cards.map((card, index) => (
        <article
          key={card.path}
          className={`kp-card ${mark(card.path, ['buttons'])}`}
          role="listitem"
          aria-label={`Card ${index + 1}${card.title ? `: ${card.title}` : ''}`}
          data-path={card.path}
        >
          <RemoteImage url={card.imageUrl} alt={card.title || card.description || 'Carousel image'} />
          <div className="kp-card-body">
            <div className="kp-card-title">{card.title || <em className="muted">(no title)</em>}</div>
            {card.description && <div className="kp-card-description">{card.description}</div>}
            {card.linkUrl && (
              <div className="kp-card-link">
                <Link size={11} aria-hidden="true" />
                <span className="mono kp-url" title={card.linkUrl}>
                  {card.linkUrl}
                </span>
                <CopyButton text={card.linkUrl} label="Copy card link" compact />
              </div>
            )}
            {card.id && <div className="kp-card-id mono">id {card.id}</div>}
          </div>
          <PreviewButtons buttons={card.buttons} compact />
        </article>
      ))}
    </div>
  );
}
