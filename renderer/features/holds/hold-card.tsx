import { ChevronDown, ChevronRight, ExternalLink, PhoneOff, Reply, Undo2 } from 'lucide-react';
import { useRef, useState, type KeyboardEvent } from 'react';
import type { ResponseSpecInput } from '../../../shared/model/endpoint.js';
import type { PlannedResponse } from '../../../shared/model/hold.js';
import { ProviderBadge } from '../../components/badges.js';
import { base64ToBytes } from '../../lib/body.js';
import { formatTime } from '../../lib/format.js';
import { modKeyLabel } from '../../lib/platform.js';
import { selectCapture } from '../../state/capture-actions.js';
import { abortHold, resolveAllHolds, respondToHold, sendHoldFallback } from '../../state/holds-actions.js';
import type { HeldRequest } from '../../state/holds-slice.js';
import { useAppStore } from '../../state/store.js';
import { holdComposers } from '../shell/features.js';
import { HeldRequestDetails } from './held-request-details.js';
import { HoldCountdown } from './hold-countdown.js';
import { RawHoldComposer } from './raw-hold-composer.js';

function shortBody(planned: PlannedResponse): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(base64ToBytes(planned.body.base64));
  } catch {
    return `${planned.body.size} bytes`;
  }
  const flat = text.replace(/\s+/gu, ' ').trim();
  if (flat === '') return 'empty body';
  return flat.length > 200 ? `${flat.slice(0, 199)}…` : flat;
}

function fallbackSource(planned: PlannedResponse): string {
  if (planned.ruleIndex !== null) return `rule ${planned.ruleIndex + 1}`;
  return 'fallback';
}

/** One held request: countdown, payload, composer and the fallback/abort actions. */
export function HoldCard({
  entry,
  openCount,
  firstInQueue,
}: {
  entry: HeldRequest;
  openCount: number;
  /** The oldest hold shows its composer at once; the others open it on request. */
  firstInQueue: boolean;
}) {
  const { hold } = entry;
  const [busy, setBusy] = useState(false);
  // Null follows the queue (open when first); a click decides for good. Holds only move up the queue,
  // so an open composer never closes under the operator's hands.
  const [composerChoice, setComposerOpen] = useState<boolean | null>(null);
  const composerOpen = composerChoice ?? firstInQueue;
  const [showRequest, setShowRequest] = useState(false);
  const [confirmAbort, setConfirmAbort] = useState(false);
  const cancelAbortRef = useRef<HTMLButtonElement>(null);
  const setView = useAppStore((state) => state.setView);
  const Composer = holdComposers[hold.capture.provider] ?? RawHoldComposer;

  const run = async (action: () => Promise<boolean>): Promise<boolean> => {
    setBusy(true);
    try {
      return await action();
    } finally {
      setBusy(false);
    }
  };
  const onSend = (response: ResponseSpecInput) => run(() => respondToHold(hold.id, response));
  const onSendToAll = (response: ResponseSpecInput) =>
    run(() => resolveAllHolds({ action: 'respond', response }));
  const onFallback = () => run(() => sendHoldFallback(hold.id));

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.key !== 'Escape') return;
    if (event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return;
    event.preventDefault();
    if (confirmAbort) setConfirmAbort(false);
    else if (!busy) void onFallback();
  };

  const isMessage = hold.capture.provider !== 'other';
  return (
    <article
      className="hold-card"
      aria-label={`Held request ${hold.id} on ${hold.endpoint}`}
      onKeyDown={onKeyDown}
      data-hold-id={hold.id}
    >
      <header className="hold-card-header">
        <ProviderBadge provider={hold.capture.provider} />
        <span className="mono hold-endpoint">{hold.endpoint}</span>
        {hold.origin === 'forward-failed' && (
          <span className="meta-tag meta-tag-warn" title={hold.forwardError ?? undefined}>
            forward failed
          </span>
        )}
        <span className="capture-spacer" />
        <time className="muted" dateTime={new Date(hold.capture.receivedAt).toISOString()}>
          {formatTime(hold.capture.receivedAt)}
        </time>
        <button
          type="button"
          className="icon-button"
          title="Open this request in Captures"
          aria-label={`Open capture ${hold.captureId} in Captures`}
          onClick={() => {
            setView('captures');
            void selectCapture(hold.captureId);
          }}
        >
          <ExternalLink size={14} />
        </button>
      </header>
      <HoldCountdown entry={entry} />
      {hold.origin === 'forward-failed' && hold.forwardError && (
        <p className="hold-forward-error">Your server failed: {hold.forwardError}</p>
      )}
      <blockquote
        className={`hold-message ${isMessage ? '' : 'hold-message-other'}`}
        aria-label="Held message"
      >
        {hold.capture.summary || <span className="muted">(no message text)</span>}
      </blockquote>
      <div className="hold-card-line">
        <button
          type="button"
          className="link-button hold-request-toggle"
          aria-expanded={showRequest}
          onClick={() => setShowRequest((open) => !open)}
        >
          {showRequest ? (
            <ChevronDown size={13} aria-hidden="true" />
          ) : (
            <ChevronRight size={13} aria-hidden="true" />
          )}
          {showRequest ? 'Hide the request' : 'Show the request'}
        </button>
        <span className="hold-fallback-preview" title={`${hold.fallback.status} ${shortBody(hold.fallback)}`}>
          At the deadline: <strong>{hold.fallback.status}</strong> {shortBody(hold.fallback)} ·{' '}
          {fallbackSource(hold.fallback)}
        </span>
      </div>
      {showRequest && <HeldRequestDetails captureId={hold.captureId} />}
      {composerOpen && (
        <Composer
          hold={hold}
          onSend={onSend}
          onFallback={onFallback}
          busy={busy}
          {...(openCount > 1 ? { onSendToAll } : {})}
        />
      )}
      <div className="hold-card-actions">
        {!composerOpen && (
          <button
            type="button"
            className="button button-small button-primary"
            onClick={() => setComposerOpen(true)}
          >
            <Reply size={13} aria-hidden="true" /> Reply…
          </button>
        )}
        <button
          type="button"
          className="button button-small"
          disabled={busy}
          aria-keyshortcuts="Escape"
          title="Send now what the deadline would send (Esc)"
          onClick={() => void onFallback()}
        >
          <Undo2 size={13} aria-hidden="true" /> Send fallback now
        </button>
        <button
          type="button"
          className="button button-small button-danger"
          disabled={busy}
          aria-expanded={confirmAbort}
          onClick={() => {
            setConfirmAbort(true);
            // The user asked for the confirmation: putting focus on its safe choice is expected.
            window.requestAnimationFrame(() => cancelAbortRef.current?.focus());
          }}
        >
          <PhoneOff size={13} aria-hidden="true" /> Abort…
        </button>
      </div>
      {confirmAbort && (
        <div className="confirm-box" role="alertdialog" aria-label="Abort this request?">
          <p>
            Abort closes the sender’s connection without any answer: it sees a network error, not a status
            code, and nothing can be sent afterwards.
          </p>
          <div className="confirm-actions">
            <button
              type="button"
              className="button button-small button-danger-solid"
              disabled={busy}
              onClick={() => void run(() => abortHold(hold.id))}
            >
              Close the connection
            </button>
            <button
              ref={cancelAbortRef}
              type="button"
              className="button button-small"
              onClick={() => setConfirmAbort(false)}
            >
              Keep waiting
            </button>
          </div>
        </div>
      )}
      <p className="hold-keys muted">
        {composerOpen &&
          (Composer === RawHoldComposer ? (
            <>
              <kbd>Enter</kbd> sends (<kbd>{modKeyLabel()}</kbd>+<kbd>Enter</kbd> in the body) ·{' '}
            </>
          ) : (
            // Provider composers have many single-line fields: only the modifier sends from them.
            <>
              <kbd>{modKeyLabel()}</kbd>+<kbd>Enter</kbd> sends ·{' '}
            </>
          ))}
        <kbd>Esc</kbd> sends the fallback
      </p>
    </article>
  );
}
