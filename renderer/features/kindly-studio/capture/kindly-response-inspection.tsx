import { PencilRuler } from 'lucide-react';
import { useMemo } from 'react';
import { validateKindlyReplyText } from '../../../../shared/kindly/validate-reply-text.js';
import type { BodyDto } from '../../../../shared/model/http.js';
import { openInStudio } from '../../../state/kindly-actions.js';
import { FindingsList } from '../findings-list.js';
import { VerdictPill } from '../kindly-reply-composer.js';
import { flattenFindings } from '../model/findings.js';
import { KindlyReplyPreview } from '../preview/kindly-reply-preview.js';
import { bodyText } from '../use-capture-payload.js';

/**
 * A response to a Kindly webhook seen the way Kindly would see it: rendered through the preview and
 * checked by the validator, so a developer sees at once what their bot (or a rule, or the operator)
 * answered and whether Kindly would accept it. Used for the answer sent, a forward target's answer
 * and replay responses.
 */
export function KindlyResponseInspection({
  body,
  status,
  captureId,
  title = 'As Kindly reads it',
  openInStudio: offerStudio = true,
}: {
  body: BodyDto;
  /** The HTTP status of the answer; Kindly ignores the body of a non-2xx answer. */
  status: number | null;
  /** The capture it belongs to, so "Open in studio" can fill placeholders from its request. */
  captureId?: number | null;
  title?: string;
  /** Offer "Open in studio" (not from inside dialogs, which would cover the studio). */
  openInStudio?: boolean;
}) {
  const text = useMemo(() => bodyText(body), [body]);
  const checked = useMemo(() => (text === null ? null : validateKindlyReplyText(text)), [text]);
  const findings = useMemo(() => (checked ? flattenFindings(checked.validation) : []), [checked]);
  const success = status !== null && status >= 200 && status < 300;

  return (
    <section className="kindly-inspection" aria-label={title}>
      <header className="kindly-inspection-head">
        <h3>{title}</h3>
        {checked && success && <VerdictPill validation={checked.validation} />}
        <span className="capture-spacer" />
        {text !== null && offerStudio && (
          <button
            type="button"
            className="button button-small"
            onClick={() => openInStudio(text, captureId ?? null)}
          >
            <PencilRuler size={13} aria-hidden="true" /> Open in studio
          </button>
        )}
      </header>
      {!success && status !== null && (
        <p className="kindly-inspection-note">
          Answered {status}: Kindly takes nothing from an answer that is not 2xx, so the dialogue’s own reply
          stands.
        </p>
      )}
      {text === null && (
        <p className="kindly-inspection-note">The body is not text, so Kindly cannot read it.</p>
      )}
      {checked && success && (
        <div className="kindly-inspection-body">
          <KindlyReplyPreview value={checked.value} findings={findings} title="Chat widget" />
          {findings.length > 0 && <FindingsList findings={findings} title="Validator findings" />}
        </div>
      )}
    </section>
  );
}
