import { useState } from 'react';
import { KindlyReplyComposer } from './kindly-reply-composer.js';
import { draftFromText, type ReplyDraft } from './model/reply-draft.js';

/**
 * The studio as a plain text editor for a response body (a mock rule's or an endpoint's fallback):
 * `text` in, `text` out. Placeholders stay as typed: the listener fills them for every request.
 */
export function KindlyBodyEditor({
  text,
  onChange,
  label,
}: {
  text: string;
  onChange: (text: string) => void;
  label: string;
}) {
  const [draft, setDraft] = useState<ReplyDraft>(() => draftFromText(text, null));
  // The body may change from outside (reset, another rule); the draft remembers the last valid reply.
  const shown = draft.text === text ? draft : draftFromText(text, draft);
  return (
    <div className="ks-body-editor">
      <p className="ks-help">
        Placeholders such as <code>{'{{message}}'}</code> or <code>{'{{context.store}}'}</code> are filled for
        each request; the preview shows them as written.
      </p>
      <KindlyReplyComposer
        draft={shown}
        onDraftChange={(next) => {
          setDraft(next);
          onChange(next.text);
        }}
        layout="compact"
        label={label}
      />
    </div>
  );
}
