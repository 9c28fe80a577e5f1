import { Send } from 'lucide-react';
import { useState, type KeyboardEvent } from 'react';
import type { FieldProblem } from '../../lib/field-problems.js';
import { modKeyLabel } from '../../lib/platform.js';
import { emptyResponseDraft, responseFromDraft, type ResponseDraft } from '../../lib/response-draft.js';
import { ResponseEditor } from '../endpoints/response-editor.js';
import type { HoldComposerProps } from '../shell/registry.js';

/** What the operator starts from: Kindly shows `reply` to the user; other senders get `{}`. */
function initialDraft(provider: string): ResponseDraft {
  return emptyResponseDraft(provider === 'kindly' ? '{\n  "reply": ""\n}' : '{}');
}

function isSingleLineField(target: EventTarget): boolean {
  return (
    target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(target.type)
  );
}

/**
 * The provider-neutral composer: status, headers and a JSON or text body, sent exactly as typed.
 * Enter in a single-line field sends; Ctrl/Cmd+Enter sends from anywhere, the body editor included.
 */
export function RawHoldComposer({ hold, onSend, onSendToAll, busy }: HoldComposerProps) {
  const [draft, setDraft] = useState(() => initialDraft(hold.capture.provider));
  const [problems, setProblems] = useState<FieldProblem[]>([]);

  const submit = (all: boolean) => {
    if (busy) return;
    const converted = responseFromDraft(draft, 'reply', { exact: true });
    setProblems(converted.problems);
    if (!converted.spec) return;
    void (all && onSendToAll ? onSendToAll(converted.spec) : onSend(converted.spec));
  };

  const onKeyDownCapture = (event: KeyboardEvent) => {
    // Before CodeMirror, which binds Mod-Enter to "insert blank line".
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey) {
      event.preventDefault();
      event.stopPropagation();
      submit(false);
    }
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.key !== 'Enter' || event.altKey || event.shiftKey) return;
    if (!isSingleLineField(event.target)) return;
    event.preventDefault();
    submit(false);
  };

  return (
    <div className="raw-composer" onKeyDownCapture={onKeyDownCapture} onKeyDown={onKeyDown}>
      <ResponseEditor
        draft={draft}
        onChange={setDraft}
        label="Reply"
        at="reply"
        problems={problems}
        bodyMinHeight={84}
        bodyMaxHeight={220}
      />
      <div className="raw-composer-actions">
        <button
          type="button"
          className="button button-primary"
          disabled={busy}
          aria-keyshortcuts="Control+Enter Meta+Enter Enter"
          title={`Send this reply (Enter; ${modKeyLabel()}+Enter in the body)`}
          onClick={() => submit(false)}
        >
          <Send size={14} aria-hidden="true" /> Send reply
        </button>
        {onSendToAll && (
          <button
            type="button"
            className="button button-small"
            disabled={busy}
            title="Send this same reply to every held request"
            onClick={() => submit(true)}
          >
            Send to all held
          </button>
        )}
      </div>
    </div>
  );
}
