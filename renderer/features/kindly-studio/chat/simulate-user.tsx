import { Send } from 'lucide-react';
import { useId, useState } from 'react';
import { sendAsKindlyUser } from '../../../state/kindly-actions.js';
import { OpenKindlySettings } from './open-kindly-settings.js';

type Result = { ok: true; text: string } | { ok: false; text: string; code: string | null };

/**
 * "Simulate a user": sends a message into the bot as an end user through Kindly's Application API
 * (`kindly.send`), to trigger dialogues without a browser. The bot's webhook call arrives as a
 * capture like any other.
 */
export function SimulateUserForm({
  defaultUserId = 'convoscope-test-user',
  defaultLanguage = 'en',
  autoFocus = false,
}: {
  defaultUserId?: string;
  defaultLanguage?: string;
  autoFocus?: boolean;
}) {
  const ids = { user: useId(), message: useId(), language: useId(), exchange: useId() };
  const [userId, setUserId] = useState(defaultUserId);
  const [message, setMessage] = useState('');
  const [language, setLanguage] = useState(defaultLanguage);
  const [exchangeId, setExchangeId] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result | null>(null);

  const send = async () => {
    setBusy(true);
    setResult(null);
    const outcome = await sendAsKindlyUser({
      userId: userId.trim(),
      message,
      languageCode: language.trim(),
      ...(exchangeId.trim() ? { exchangeId: exchangeId.trim() } : {}),
    });
    setBusy(false);
    if (outcome.ok) {
      const { messageId, idField } = outcome.value;
      setResult({
        ok: true,
        text: messageId
          ? `Sent. Kindly created message ${messageId} (${idField}). The bot’s webhook calls will appear as captures.`
          : 'Sent. Kindly named no message id. The bot’s webhook calls will appear as captures.',
      });
      setMessage('');
    } else {
      setResult({ ok: false, text: outcome.error, code: outcome.code });
    }
  };
  const ready = userId.trim() !== '' && message.trim() !== '' && language.trim().length >= 2 && !busy;

  return (
    <form
      className="ks-simulate"
      aria-label="Simulate a user"
      onSubmit={(event) => {
        event.preventDefault();
        if (ready) void send();
      }}
    >
      <div className="ks-simulate-grid">
        <div className="ks-field">
          <label htmlFor={ids.user}>User id</label>
          <input
            id={ids.user}
            className="ks-input mono"
            value={userId}
            onChange={(event) => setUserId(event.target.value)}
          />
        </div>
        <div className="ks-field ks-field-narrow">
          <label htmlFor={ids.language}>Language</label>
          <input
            id={ids.language}
            className="ks-input mono"
            value={language}
            onChange={(event) => setLanguage(event.target.value)}
          />
        </div>
        <div className="ks-field">
          <label htmlFor={ids.exchange}>Follow up dialogue (optional)</label>
          <input
            id={ids.exchange}
            className="ks-input mono"
            placeholder="exchange id"
            value={exchangeId}
            onChange={(event) => setExchangeId(event.target.value)}
          />
        </div>
      </div>
      <div className="ks-simulate-send">
        <label htmlFor={ids.message} className="visually-hidden">
          Message as the user
        </label>
        <input
          id={ids.message}
          className="ks-input"
          placeholder="Message as the user, e.g. “When are you open?”"
          value={message}
          autoFocus={autoFocus}
          onChange={(event) => setMessage(event.target.value)}
        />
        <button type="submit" className="button button-primary" disabled={!ready}>
          <Send size={14} aria-hidden="true" /> {busy ? 'Sending…' : 'Send as user'}
        </button>
      </div>
      {result && (
        <div className={result.ok ? 'ks-result-ok' : 'ks-result-error'} role={result.ok ? 'status' : 'alert'}>
          {result.text}
          {!result.ok && (result.code === 'bad_request' || result.code === 'upstream_error') && (
            <OpenKindlySettings />
          )}
        </div>
      )}
      <p className="ks-help">
        Goes to Kindly’s Application API with the key set in Settings › Kindly; Kindly treats it as if the
        user typed it.
      </p>
    </form>
  );
}
