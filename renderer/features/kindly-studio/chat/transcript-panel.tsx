import { RefreshCw, X } from 'lucide-react';
import { useEffect } from 'react';
import { JsonTree } from '../../../components/json-tree.js';
import { formatDateTime } from '../../../lib/format.js';
import { fetchKindlyTranscript } from '../../../state/kindly-actions.js';
import { useAppStore } from '../../../state/store.js';
import { OpenKindlySettings } from './open-kindly-settings.js';

function senderClass(sender: string | null): string {
  const value = (sender ?? '').toUpperCase();
  if (value === 'USER') return 'transcript-user';
  if (value === 'BOT') return 'transcript-bot';
  if (value === 'AGENT') return 'transcript-agent';
  return 'transcript-system';
}

/**
 * The chat as Kindly itself recorded it (Chat Transcript API, `kindly.transcript`), beside the
 * thread Convoscope saw. Fetched once and cached by the core; Refresh asks Kindly again.
 */
export function TranscriptPanel({ chatId, onClose }: { chatId: string; onClose: () => void }) {
  const entry = useAppStore((state) => state.kindlyTranscripts[chatId]);
  useEffect(() => {
    if (!entry) void fetchKindlyTranscript(chatId);
  }, [chatId, entry]);
  const data = entry?.data ?? null;
  return (
    <aside className="transcript-panel" aria-label="Kindly transcript">
      <header className="transcript-head">
        <strong>Kindly transcript</strong>
        <span className="capture-spacer" />
        <button
          type="button"
          className="button button-small"
          disabled={entry?.loading}
          onClick={() => void fetchKindlyTranscript(chatId, true)}
        >
          <RefreshCw size={13} aria-hidden="true" className={entry?.loading ? 'spin' : ''} /> Refresh
        </button>
        <button type="button" className="icon-button" aria-label="Close the transcript" onClick={onClose}>
          <X size={14} />
        </button>
      </header>
      {data && (
        <div className="transcript-facts muted">
          {data.cached ? 'cached · ' : ''}fetched {formatDateTime(data.fetchedAt)} ·{' '}
          <span className="mono">{data.url}</span>
        </div>
      )}
      <div className="transcript-body">
        {entry?.loading && !data && <p className="muted">Fetching the transcript…</p>}
        {entry?.error && (
          <div className="inline-error" role="alert">
            {entry.error} <OpenKindlySettings />
          </div>
        )}
        {data?.messages && data.messages.length === 0 && (
          <p className="muted">Kindly has no messages in this chat.</p>
        )}
        {data?.messages && data.messages.length > 0 && (
          <ol className="transcript-list">
            {data.messages.map((message, index) => (
              <li key={index} className={`transcript-message ${senderClass(message.sender)}`}>
                <div className="transcript-meta">
                  <span className="transcript-sender">{message.name ?? message.sender ?? 'unknown'}</span>
                  {message.sender && message.name && (
                    <span className="meta-tag">{message.sender.toLowerCase()}</span>
                  )}
                  {message.at !== null && <time>{formatDateTime(message.at)}</time>}
                </div>
                <div className="transcript-text">
                  {message.message || <em className="muted">(no text)</em>}
                </div>
              </li>
            ))}
          </ol>
        )}
        {data && data.messages === null && (
          <>
            <p className="muted">
              Kindly’s answer has no message list Convoscope recognizes; here it is as received.
            </p>
            <JsonTree value={data.raw} defaultDepth={2} />
          </>
        )}
      </div>
    </aside>
  );
}
