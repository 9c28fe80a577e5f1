import { FilePlus2, Undo2, UserRound, X } from 'lucide-react';
import { useCallback, useEffect, useId, useState } from 'react';
import type { CaptureSummary } from '../../../shared/model/capture.js';
import { call } from '../../api/client.js';
import { CopyButton } from '../../components/copy-button.js';
import { formatTime } from '../../lib/format.js';
import { useAppStore } from '../../state/store.js';
import { SimulateUserForm } from './chat/simulate-user.js';
import { KindlyReplyComposer } from './kindly-reply-composer.js';
import { EMPTY_DRAFT, type ReplyDraft } from './model/reply-draft.js';
import { useCapturePayload } from './use-capture-payload.js';

/** Recent Kindly captures to fill placeholders from. */
function PayloadPicker() {
  const id = useId();
  const selected = useAppStore((state) => state.studioPayloadCaptureId);
  const [captures, setCaptures] = useState<CaptureSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const loaded = useCapturePayload(selected);

  const reload = useCallback(() => {
    call('captures.list', { provider: 'kindly', limit: 30 })
      .then((page) => {
        setCaptures(page.items.filter((item) => item.conversationKey !== null));
        setError(null);
      })
      .catch((failure: unknown) => setError((failure as Error).message));
  }, []);
  useEffect(reload, [reload]);

  const known = captures?.some((capture) => capture.id === selected) ?? false;
  return (
    <div className="ks-payload-picker">
      <label htmlFor={id}>Placeholders from</label>
      <select
        id={id}
        className="ks-input"
        value={selected ?? ''}
        onFocus={reload}
        onChange={(event) =>
          useAppStore.setState({
            studioPayloadCaptureId: event.target.value === '' ? null : Number(event.target.value),
          })
        }
      >
        <option value="">no payload (kept as typed)</option>
        {selected !== null && !known && <option value={selected}>capture #{selected}</option>}
        {captures?.map((capture) => (
          <option key={capture.id} value={capture.id}>
            #{capture.id} · {formatTime(capture.receivedAt)} · {capture.summary.slice(0, 60)}
          </option>
        ))}
      </select>
      {error && <span className="inline-error-text">{error}</span>}
      {loaded?.error && <span className="inline-error-text">{loaded.error}</span>}
    </div>
  );
}

/** "Simulate a user" in a small panel under its button. */
function SimulatePopover() {
  const [open, setOpen] = useState(false);
  return (
    <div className="ks-popover-anchor">
      <button
        type="button"
        className="button button-small"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        <UserRound size={13} aria-hidden="true" /> Simulate a user
      </button>
      {open && (
        <div
          className="ks-popover"
          role="dialog"
          aria-label="Simulate a user"
          onKeyDown={(event) => {
            if (event.key === 'Escape') setOpen(false);
          }}
        >
          <div className="ks-popover-head">
            <strong>Simulate a user</strong>
            <button type="button" className="icon-button" aria-label="Close" onClick={() => setOpen(false)}>
              <X size={14} />
            </button>
          </div>
          <SimulateUserForm autoFocus />
        </div>
      )}
    </div>
  );
}

/**
 * The Studio view: compose a Kindly reply on its own (copy the JSON, save it as a template), with
 * placeholders filled from a recent capture.
 */
export function StudioView() {
  const draft = useAppStore((state) => state.studioDraft);
  const payloadCaptureId = useAppStore((state) => state.studioPayloadCaptureId);
  const loaded = useCapturePayload(payloadCaptureId);
  const replaced = useAppStore((state) => state.studioReplacedDraft);
  const setDraft = useCallback((next: ReplyDraft) => useAppStore.setState({ studioDraft: next }), []);
  return (
    <div className="studio-view">
      <header className="studio-header">
        <div className="studio-title">
          <h2>Kindly reply studio</h2>
          <p className="muted">
            Build what your webhook answers Kindly; the preview shows what the chat widget would.
          </p>
        </div>
        <span className="capture-spacer" />
        <PayloadPicker />
        <SimulatePopover />
        <button type="button" className="button button-small" onClick={() => setDraft(EMPTY_DRAFT)}>
          <FilePlus2 size={13} aria-hidden="true" /> New
        </button>
      </header>
      {replaced && (
        <div className="studio-replaced" role="status">
          <span>The studio now shows the opened reply; the one you were writing is kept.</span>
          <button
            type="button"
            className="button button-small"
            onClick={() => useAppStore.setState({ studioDraft: replaced, studioReplacedDraft: null })}
          >
            <Undo2 size={13} aria-hidden="true" /> Restore my reply
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label="Dismiss"
            onClick={() => useAppStore.setState({ studioReplacedDraft: null })}
          >
            <X size={14} />
          </button>
        </div>
      )}
      <KindlyReplyComposer
        draft={draft}
        onDraftChange={setDraft}
        payload={loaded && !loaded.error ? loaded.payload : undefined}
        layout="wide"
        label="Kindly reply studio"
        actions={<CopyButton text={draft.text} label="Copy JSON" />}
      />
    </div>
  );
}
