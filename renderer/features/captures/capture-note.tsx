import { StickyNote } from 'lucide-react';
import { useEffect, useState } from 'react';
import { NOTE_MAX_LENGTH } from '../../../shared/contract/methods/captures.js';
import type { CaptureDetail } from '../../../shared/model/capture.js';
import { modKeyLabel } from '../../lib/platform.js';
import { saveCaptureNote, setEditingNote } from '../../state/capture-actions.js';
import { useAppStore } from '../../state/store.js';

function NoteEditor({ capture }: { capture: CaptureDetail }) {
  const [draft, setDraft] = useState(capture.note ?? '');
  const [saving, setSaving] = useState(false);
  // Focus goes back where it was (the list, the Note button) when the editor closes; read while
  // rendering, before the text area takes focus.
  const [previous] = useState(() =>
    document.activeElement instanceof HTMLElement ? document.activeElement : null,
  );
  useEffect(
    () => () => {
      if (previous?.isConnected && previous !== document.body) previous.focus();
    },
    [previous],
  );
  const save = async () => {
    setSaving(true);
    const saved = await saveCaptureNote(capture.id, draft);
    setSaving(false);
    if (saved) setEditingNote(null);
  };
  return (
    <form
      className="capture-note capture-note-editing"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <textarea
        className="input capture-note-input"
        aria-label="Note on this capture"
        aria-describedby={`note-hint-${capture.id}`}
        placeholder="Why this one matters: what you saw, a ticket, what to check…"
        value={draft}
        maxLength={NOTE_MAX_LENGTH}
        rows={3}
        // The user asked to write (n or the Note button): the cursor goes where they will type.
        autoFocus
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            void save();
          } else if (event.key === 'Escape') {
            event.preventDefault();
            setEditingNote(null);
          }
        }}
      />
      <div className="capture-note-actions">
        <span id={`note-hint-${capture.id}`} className="muted">
          <kbd>{modKeyLabel()}</kbd>+<kbd>Enter</kbd> saves · <kbd>Esc</kbd> cancels · found by search
        </span>
        <span className="capture-spacer" />
        <button type="button" className="button button-small" onClick={() => setEditingNote(null)}>
          Cancel
        </button>
        <button type="submit" className="button button-small button-primary" disabled={saving}>
          Save note
        </button>
      </div>
    </form>
  );
}

/** The capture's note under its header: shown when there is one, edited in place. */
export function CaptureNote({ capture }: { capture: CaptureDetail }) {
  const editing = useAppStore((state) => state.editingNote === capture.id);
  if (editing) return <NoteEditor capture={capture} />;
  if (capture.note === undefined) return null;
  return (
    <section className="capture-note" aria-label="Note">
      <StickyNote size={14} aria-hidden="true" className="capture-note-icon" />
      <p className="capture-note-text">{capture.note}</p>
      <button type="button" className="link-button" onClick={() => setEditingNote(capture.id)}>
        Edit<span className="visually-hidden"> the note</span>
      </button>
    </section>
  );
}
