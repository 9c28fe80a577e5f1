import { CircleCheck, CircleSlash, Clock, X } from 'lucide-react';
import { holdEndingText, holdEndingTone } from '../../lib/hold-outcome.js';
import { dismissEndedHold } from '../../state/holds-actions.js';
import type { EndedHold } from '../../state/holds-slice.js';

const ICONS = { ok: CircleCheck, auto: Clock, none: CircleSlash } as const;

/** A short note where a hold was: how it ended, for a few seconds. */
export function EndedHoldNote({ note }: { note: EndedHold }) {
  const { resolved, hold } = note;
  const tone = holdEndingTone(resolved.outcome);
  const Icon = ICONS[tone];
  const text = holdEndingText(resolved.outcome, resolved.reason, resolved.status);
  return (
    <div className={`ended-note ended-note-${tone}`} data-hold-id={resolved.id}>
      <Icon size={15} aria-hidden="true" />
      <div className="ended-note-text">
        <strong>{text}</strong>
        <span className="muted ended-note-what">
          {resolved.endpoint}
          {hold ? ` · “${hold.capture.summary}”` : ` · capture ${resolved.captureId}`}
        </span>
      </div>
      <button
        type="button"
        className="icon-button"
        aria-label="Dismiss this note"
        onClick={() => dismissEndedHold(resolved.id)}
      >
        <X size={13} />
      </button>
    </div>
  );
}
