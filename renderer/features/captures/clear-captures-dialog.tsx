import { Star, TriangleAlert } from 'lucide-react';
import { useEffect, useState } from 'react';
import type { RetentionStatus } from '../../../shared/contract/methods/retention.js';
import { ApiCallError, call } from '../../api/client.js';
import { Dialog } from '../../components/dialog.js';
import { clearAllCaptures } from '../../state/capture-actions.js';
import { closeModal } from '../../state/modal-actions.js';
import { useAppStore } from '../../state/store.js';

function plural(n: number, word: string): string {
  return `${n.toLocaleString()} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * Asks before deleting every capture: says how many go, and keeps the starred ones unless the user
 * unticks that (starring is how users mark what they want to keep, so the default protects it).
 */
export function ClearCapturesDialog() {
  const [counts, setCounts] = useState<RetentionStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [keepStarred, setKeepStarred] = useState(true);
  const [busy, setBusy] = useState(false);
  // Counts follow what arrives or is deleted while the dialog is open.
  const listLength = useAppStore((state) => state.captures.length);

  useEffect(() => {
    let current = true;
    call('retention.status', {})
      .then((status) => current && setCounts(status))
      .catch((reason: unknown) => {
        if (current) setError(reason instanceof ApiCallError ? reason.message : String(reason));
      });
    return () => {
      current = false;
    };
  }, [listLength]);

  const starred = counts?.starred ?? 0;
  const keeping = keepStarred && starred > 0;
  const toDelete = counts ? counts.captures - (keeping ? starred : 0) : null;
  const clear = async () => {
    setBusy(true);
    const done = await clearAllCaptures(keeping);
    setBusy(false);
    if (done) closeModal();
  };

  return (
    <Dialog
      title="Clear captures"
      onClose={closeModal}
      footer={
        <>
          <button type="button" className="button" onClick={closeModal} data-autofocus>
            Cancel
          </button>
          <button
            type="button"
            className="button button-danger-solid"
            disabled={busy || toDelete === null || toDelete === 0}
            onClick={() => void clear()}
          >
            {toDelete === null
              ? 'Delete'
              : toDelete === 0
                ? 'Nothing to delete'
                : `Delete ${plural(toDelete, 'capture')}`}
          </button>
        </>
      }
    >
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      {counts === null && !error && <p className="muted">Counting…</p>}
      {counts && (
        <>
          <p>
            {counts.captures === 0
              ? 'There are no captures to delete.'
              : `${plural(counts.captures, 'capture')} stored${starred > 0 ? `, ${starred.toLocaleString()} of them starred` : ''}. Their bodies, parsed messages and the conversations built from them go too. This cannot be undone.`}
          </p>
          {starred > 0 && (
            <label className="check-row">
              <input
                type="checkbox"
                checked={keepStarred}
                onChange={(event) => setKeepStarred(event.target.checked)}
              />
              <Star size={14} aria-hidden="true" className="star-icon-filled" />
              Keep the {plural(starred, 'starred capture')}
            </label>
          )}
          {starred > 0 && !keepStarred && (
            <p className="callout callout-warn" role="note">
              <TriangleAlert size={14} aria-hidden="true" />
              <span>Starred captures are deleted too.</span>
            </p>
          )}
        </>
      )}
    </Dialog>
  );
}

/** Over every view: the dialog, when something asked for it (filter bar, Settings › Storage). */
export function ClearCapturesOverlay() {
  const open = useAppStore((state) => state.modal === 'clear-captures');
  return open ? <ClearCapturesDialog /> : null;
}
