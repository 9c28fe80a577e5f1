import { Bot, KeyRound, Send, StickyNote } from 'lucide-react';
import { useEffect, useId, useState } from 'react';
import { Segmented } from '../../components/segmented.js';
import { loadAutoReplies, notifyTyping, sendReply, updateDraft } from '../../state/dashly-actions.js';
import { EMPTY_DRAFT, type ReplyKind } from '../../state/dashly-slice.js';
import { useAppStore } from '../../state/store.js';
import { openSettingsSection } from '../settings/open-settings.js';
import { useSettings } from '../settings/use-settings.js';
import { SenderPicker, useSender } from './sender-picker.js';

const TYPES: { value: ReplyKind; label: string }[] = [
  { value: 'reply_admin', label: 'Reply' },
  { value: 'note', label: 'Internal note' },
];

/** Without an API token nothing can be sent: say so where the operator would type. */
export function ApiTokenMissing({ what }: { what: string }) {
  return (
    <div className="composer composer-missing" role="note">
      <KeyRound size={16} aria-hidden="true" />
      <span>
        {what} go through Dashly’s Web API, which needs an API token.{' '}
        <button type="button" className="link-button" onClick={() => openSettingsSection('dashly')}>
          Set the token in Settings
        </button>
      </span>
    </div>
  );
}

function AutoReplyState() {
  const config = useAppStore((state) => state.autoReplies);
  useEffect(() => {
    if (config === null) void loadAutoReplies();
  }, [config]);
  if (!config) return null;
  const on = config.enabled && config.rules.length > 0;
  return (
    <button
      type="button"
      className={`auto-state ${on ? 'auto-state-on' : ''}`}
      onClick={() => openSettingsSection('autoreplies')}
      title="Edit the auto-responder rules"
    >
      <Bot size={13} aria-hidden="true" />
      {on
        ? `Auto-responder on · ${config.rules.length} rule${config.rules.length === 1 ? '' : 's'}`
        : 'Auto-responder off'}
    </button>
  );
}

/**
 * Writes a reply (seen by the user) or an internal note in a Dashly conversation. Enter sends,
 * Shift+Enter starts a new line. While a reply is written Dashly is told the operator is typing
 * (never for notes: the user must not see that).
 */
export function ReplyComposer({ conversationKey, closed }: { conversationKey: string; closed: boolean }) {
  const draft = useAppStore((state) => state.composerDrafts[conversationKey] ?? EMPTY_DRAFT);
  const settings = useSettings();
  const { fromAdmin, error: senderError } = useSender();
  const [error, setError] = useState<string | null>(null);
  const textId = useId();
  const hintId = useId();

  if (!settings) return null;
  if (settings.secrets['dashly.apiToken'] !== 'set') return <ApiTokenMissing what="Replies and notes" />;

  const note = draft.type === 'note';
  const canSend = draft.body.trim() !== '' && senderError === null;
  const submit = () => {
    if (!canSend) return;
    setError(null);
    void sendReply({ conversationId: conversationKey, body: draft.body, type: draft.type, fromAdmin }).then(
      (outcome) => {
        if (!outcome.ok) setError(outcome.error);
      },
    );
  };

  return (
    <form
      className={`composer ${note ? 'composer-note' : ''}`}
      aria-label="Reply composer"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <div className="composer-top">
        <Segmented
          label="Message type"
          options={TYPES}
          value={draft.type}
          onChange={(type) => updateDraft(conversationKey, { type })}
        />
        <span className="composer-audience">
          {note ? (
            <>
              <StickyNote size={13} aria-hidden="true" /> Only operators see notes
            </>
          ) : (
            'The user sees this reply'
          )}
          {closed && ' · the conversation is closed'}
        </span>
        <span className="capture-spacer" />
        <SenderPicker />
      </div>
      <label htmlFor={textId} className="visually-hidden">
        {note ? 'Note text' : 'Reply text'}
      </label>
      <textarea
        id={textId}
        className="composer-text"
        aria-describedby={hintId}
        placeholder={note ? 'Write an internal note…' : 'Write a reply…'}
        value={draft.body}
        rows={2}
        onChange={(event) => {
          const body = event.target.value;
          updateDraft(conversationKey, { body });
          if (error) setError(null);
          if (!note && senderError === null) notifyTyping(conversationKey, body, fromAdmin);
        }}
        onKeyDown={(event) => {
          if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
          event.preventDefault();
          submit();
        }}
      />
      <div className="composer-bottom">
        <span id={hintId} className="composer-hint">
          <kbd>Enter</kbd> sends · <kbd>Shift</kbd>+<kbd>Enter</kbd> new line
        </span>
        <AutoReplyState />
        <span className="capture-spacer" />
        {(error ?? senderError) && (
          <span className="composer-error" role="alert">
            {error ?? senderError}
          </span>
        )}
        <button type="submit" className="button button-primary" disabled={!canSend}>
          {note ? <StickyNote size={14} aria-hidden="true" /> : <Send size={14} aria-hidden="true" />}
          {note ? 'Add note' : 'Send reply'}
        </button>
      </div>
    </form>
  );
}
