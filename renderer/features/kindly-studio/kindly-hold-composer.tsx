import { Maximize2, Send, X } from 'lucide-react';
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import type { ResponseSpecInput } from '../../../shared/model/endpoint.js';
import { modKeyLabel } from '../../lib/platform.js';
import { useAppStore } from '../../state/store.js';
import { Segmented } from '../../components/segmented.js';
import { HoldCountdown } from '../holds/hold-countdown.js';
import { RawHoldComposer } from '../holds/raw-hold-composer.js';
import type { HoldComposerProps } from '../shell/registry.js';
import { KindlyReplyComposer, useDraftValidation } from './kindly-reply-composer.js';
import { draftFromValue, type ReplyDraft } from './model/reply-draft.js';
import { useCapturePayload } from './use-capture-payload.js';

/** A large dialog over everything, for composing a rich reply with room to breathe. */
function ExpandedDialog({ onClose, children }: { onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    ref.current?.focus();
    return () => previous?.focus();
  }, []);
  return createPortal(
    <div className="ks-dialog-backdrop">
      <div
        ref={ref}
        className="ks-dialog"
        role="dialog"
        aria-modal="true"
        aria-label="Reply to the held Kindly request"
        tabIndex={-1}
        onKeyDown={(event) => {
          // Escape closes the dialog; marked handled so the hold card does not send its fallback.
          if (event.key === 'Escape' && !event.defaultPrevented) {
            event.preventDefault();
            onClose();
          }
        }}
      >
        {children}
      </div>
    </div>,
    document.body,
  );
}

/**
 * Answers a held Kindly webhook from the studio: builder, JSON, preview and templates (placeholders
 * filled from the held payload) in the holds panel, with "Expand" for the full studio. What is sent
 * is exactly the JSON the preview shows.
 */
export function KindlyHoldComposer(props: HoldComposerProps) {
  const mode = useAppStore((state) => state.kindlyHoldMode);
  return (
    <div className="ks-hold-switch">
      <Segmented<'studio' | 'raw'>
        label="Reply with"
        value={mode}
        onChange={(kindlyHoldMode) => useAppStore.setState({ kindlyHoldMode })}
        options={[
          { value: 'studio', label: 'Studio' },
          { value: 'raw', label: 'Raw' },
        ]}
      />
      {mode === 'studio' ? <KindlyStudioHoldComposer {...props} /> : <RawHoldComposer {...props} />}
    </div>
  );
}

/** The studio in the holds panel; "Raw" (status, headers, any body) stays one click away. */
function KindlyStudioHoldComposer({ hold, onSend, onSendToAll, busy }: HoldComposerProps) {
  const [draft, setDraft] = useState<ReplyDraft>(() => draftFromValue({ reply: '' }));
  const [expanded, setExpanded] = useState(false);
  const [confirm, setConfirm] = useState<'one' | 'all' | null>(null);
  const loaded = useCapturePayload(hold.captureId);
  const entry = useAppStore((state) => state.holds.find((item) => item.hold.id === hold.id));
  const { validation } = useDraftValidation(draft);
  const payload = loaded && !loaded.error ? loaded.payload : undefined;

  const send = (all: boolean, confirmed = false) => {
    if (busy || draft.problem) return;
    if (!confirmed && validation.errors.length > 0) {
      setConfirm(all ? 'all' : 'one');
      return;
    }
    setConfirm(null);
    // The JSON text itself, byte for byte: what the preview shows, with big numbers intact.
    const response: ResponseSpecInput = {
      status: 200,
      headers: [['Content-Type', 'application/json; charset=utf-8']],
      body: draft.text,
    };
    void (all && onSendToAll ? onSendToAll(response) : onSend(response)).then((sent) => {
      if (sent) setExpanded(false);
    });
  };
  const onKeyDownCapture = (event: KeyboardEvent) => {
    // Before CodeMirror, which binds Mod-Enter itself.
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey) {
      event.preventDefault();
      event.stopPropagation();
      send(false);
    }
  };

  const actions = (
    <div className="ks-hold-actions">
      <button
        type="button"
        className="button button-primary"
        disabled={busy || draft.problem !== null}
        aria-keyshortcuts="Control+Enter Meta+Enter"
        title={draft.problem ?? `Send this reply (${modKeyLabel()}+Enter)`}
        onClick={() => send(false)}
      >
        <Send size={14} aria-hidden="true" /> Send reply
      </button>
      {onSendToAll && (
        <button
          type="button"
          className="button button-small"
          disabled={busy || draft.problem !== null}
          title="Send this same reply to every held request"
          onClick={() => send(true)}
        >
          Send to all held
        </button>
      )}
      {confirm && (
        <span className="ks-confirm" role="alert">
          Kindly would not accept this reply ({validation.errors.length} error
          {validation.errors.length === 1 ? '' : 's'}).
          <button
            type="button"
            className="button button-small button-danger"
            onClick={() => send(confirm === 'all', true)}
          >
            Send anyway
          </button>
          <button type="button" className="link-button" onClick={() => setConfirm(null)}>
            Keep editing
          </button>
        </span>
      )}
    </div>
  );

  return (
    <div className="ks-hold-composer" onKeyDownCapture={onKeyDownCapture}>
      {!expanded && (
        <KindlyReplyComposer
          draft={draft}
          onDraftChange={setDraft}
          payload={payload}
          layout="stacked"
          label="Kindly reply composer"
          jsonLabel="Reply body"
          actions={
            <button
              type="button"
              className="icon-button"
              aria-label="Expand the composer"
              title="Compose in a large window"
              onClick={() => setExpanded(true)}
            >
              <Maximize2 size={14} />
            </button>
          }
        />
      )}
      {!expanded && actions}
      {expanded && (
        <ExpandedDialog onClose={() => setExpanded(false)}>
          <header className="ks-dialog-head">
            <h2>Reply to the held Kindly request</h2>
            <span className="muted ks-dialog-message">“{hold.capture.summary}”</span>
            {entry && (
              <div className="ks-dialog-countdown">
                <HoldCountdown entry={entry} compact />
              </div>
            )}
            <span className="capture-spacer" />
            {actions}
            <button
              type="button"
              className="icon-button"
              aria-label="Close the large composer"
              onClick={() => setExpanded(false)}
            >
              <X size={16} />
            </button>
          </header>
          <KindlyReplyComposer
            draft={draft}
            onDraftChange={setDraft}
            payload={payload}
            layout="wide"
            label="Kindly reply composer"
            jsonLabel="Reply body"
          />
        </ExpandedDialog>
      )}
    </div>
  );
}
