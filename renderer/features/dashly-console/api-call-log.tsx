import { ChevronRight, KeyRound } from 'lucide-react';
import { useMemo } from 'react';
import type { ApiCall } from '../../../shared/model/api-call.js';
import { StatusPill } from '../../components/badges.js';
import { CopyButton } from '../../components/copy-button.js';
import { HeadersTable } from '../../components/headers-table.js';
import { JsonTree } from '../../components/json-tree.js';
import { parseJsonExact } from '../../lib/body.js';
import { formatTime } from '../../lib/format.js';
import { loadMoreConversationCalls } from '../../state/dashly-actions.js';
import { useAppStore } from '../../state/store.js';

const ACTION_LABEL: Record<string, string> = {
  reply: 'reply',
  assign: 'assign',
  close: 'close',
  'tag.add': 'add tag',
  'tag.remove': 'remove tag',
  typing: 'typing',
};

function pathOf(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.pathname}${parsed.search}`;
  } catch {
    return url;
  }
}

/** `Dashly API error ReplyTooBig: … (HTTP 400)` → `ReplyTooBig`, for the one-line summary. */
function shortError(error: string): string {
  return /error (\w+):/u.exec(error)?.[1] ?? error;
}

function ResponseBody({ text }: { text: string }) {
  const json = useMemo(() => {
    try {
      return { value: parseJsonExact(text) };
    } catch {
      return null;
    }
  }, [text]);
  if (text === '') return <div className="muted">(empty body)</div>;
  if (json) return <JsonTree value={json.value} defaultDepth={2} />;
  return <pre className="code-block">{text}</pre>;
}

function CallEntry({ entry }: { entry: ApiCall }) {
  return (
    <details className={`api-call ${entry.error ? 'api-call-failed' : ''}`}>
      <summary>
        <ChevronRight size={13} className="api-call-chevron" aria-hidden="true" />
        <span className="capture-method">{entry.method}</span>
        <span className="api-call-path mono">{pathOf(entry.url)}</span>
        <span className="meta-tag">{ACTION_LABEL[entry.action] ?? entry.action}</span>
        {entry.error ? (
          <span className="api-call-error-name" title={entry.error}>
            {shortError(entry.error)}
          </span>
        ) : (
          <span className="capture-spacer" />
        )}
        {entry.error && !entry.status && <span className="api-call-nostatus">no answer</span>}
        {entry.status !== null && <StatusPill status={entry.status} />}
        <span className="api-call-duration">
          {entry.durationMs === null ? '—' : `${Math.round(entry.durationMs)} ms`}
        </span>
        <time className="api-call-time">{formatTime(entry.at)}</time>
      </summary>
      <div className="api-call-body">
        {entry.error && (
          <div className="api-call-error" role="note">
            {entry.error}
          </div>
        )}
        <div className="detail-section">
          <header className="detail-section-header">
            <h3>Request</h3>
            <CopyButton text={entry.url} label="Copy URL" />
          </header>
          <div className="mono break api-call-url">
            {entry.method} {entry.url}
          </div>
          <p className="api-call-auth">
            <KeyRound size={12} aria-hidden="true" />
            {entry.auth === 'header'
              ? 'Token sent as the Authorization: Token header — not recorded.'
              : 'Token sent as the auth_token parameter — not recorded.'}
          </p>
          <HeadersTable headers={entry.params} />
        </div>
        <div className="detail-section">
          <header className="detail-section-header">
            <h3>Response{entry.status !== null ? ` ${entry.status}` : ''}</h3>
          </header>
          {entry.response === null ? (
            <div className="muted">No response{entry.error ? '' : ' recorded'}.</div>
          ) : (
            <ResponseBody text={entry.response} />
          )}
        </div>
      </div>
    </details>
  );
}

/** The outgoing half of the inspector: every Web API call made for this conversation, newest first. */
export function ApiCallLog() {
  const log = useAppStore((state) => state.dashlyCalls);
  if (!log) return null;
  return (
    <div className="detail-scroll" role="tabpanel" aria-label="Web API calls">
      {log.error && <div className="inline-error">{log.error}</div>}
      {log.items.length === 0 && !log.loading && !log.error && (
        <div className="list-empty">
          No Web API calls for this conversation yet. Replies, notes, operator actions and typing indicators
          sent from here are listed with their request (the token is never recorded), the answer and the time
          it took.
        </div>
      )}
      <div className="api-call-list">
        {log.items.map((entry) => (
          <CallEntry key={entry.id} entry={entry} />
        ))}
      </div>
      {log.next !== null && (
        <button
          type="button"
          className="button button-small api-call-more"
          disabled={log.loading}
          onClick={() => void loadMoreConversationCalls()}
        >
          {log.loading ? 'Loading…' : 'Older calls'}
        </button>
      )}
    </div>
  );
}
