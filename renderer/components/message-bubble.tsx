import {
  Bot,
  Check,
  CheckCheck,
  Lock,
  RotateCcw,
  Tag,
  TriangleAlert,
  UserCheck,
  UserMinus,
} from 'lucide-react';
import { useState, type ReactNode } from 'react';
import type { Message } from '../../shared/model/message.js';
import { formatBytes, formatDateTime } from '../lib/format.js';
import { INLINE_PREVIEW_CHARS } from './long-text.js';

function authorLabel(message: Message): string {
  const { author } = message;
  if (author.name) return author.name;
  if (author.kind === 'user') return author.id ? `User ${author.id}` : 'User';
  if (author.kind === 'bot') return 'Bot';
  if (author.kind === 'admin') return author.id ? `Operator ${author.id}` : 'Operator';
  return 'System';
}

/** The id beside a name, so two admins with one name can be told apart. */
function authorId(message: Message): string | null {
  const { author } = message;
  return author.name && author.id ? author.id : null;
}

function eventIcon(kind: string): ReactNode {
  if (kind === 'tag_added' || kind === 'tag_deleted') return <Tag size={12} aria-hidden="true" />;
  if (kind === 'closed' || kind === 'final_closed') return <Lock size={12} aria-hidden="true" />;
  if (kind === 'assigned') return <UserCheck size={12} aria-hidden="true" />;
  return null;
}

const STATUS_TEXT = {
  sent: 'sent',
  delivered: 'delivered',
  failed: 'failed',
} as const;

const STATUS_TITLE = {
  sent: 'Sent to the Web API; waiting for Dashly to echo it through the webhook',
  delivered: 'Dashly echoed it back through the webhook (same random_id)',
  failed: 'The Web API call failed',
} as const;

function DeliveryStatus({ status }: { status: NonNullable<Message['status']> }) {
  const icon =
    status === 'delivered' ? (
      <CheckCheck size={12} aria-hidden="true" />
    ) : status === 'failed' ? (
      <TriangleAlert size={12} aria-hidden="true" />
    ) : (
      <Check size={12} aria-hidden="true" />
    );
  return (
    <span className={`delivery delivery-${status}`} title={STATUS_TITLE[status]}>
      {icon}
      {STATUS_TEXT[status]}
    </span>
  );
}

/** A failed send: the API's error, and a Retry the operator has to press (a POST is never resent on its own). */
function FailedNote({ message, onRetry }: { message: Message; onRetry?: (id: number) => Promise<void> }) {
  const [retrying, setRetrying] = useState(false);
  return (
    <div className="chat-failure" role="alert">
      <span className="chat-failure-text">{message.error ?? 'The reply could not be sent.'}</span>
      {onRetry && (
        <button
          type="button"
          className="button button-small"
          disabled={retrying}
          onClick={() => {
            setRetrying(true);
            void onRetry(message.id).finally(() => setRetrying(false));
          }}
        >
          <RotateCcw size={13} aria-hidden="true" /> {retrying ? 'Retrying…' : 'Retry'}
        </button>
      )}
    </div>
  );
}

/** One chat message: the user on the left, operators and bots on the right, notes marked internal,
 * system events as a compact line. Messages the app sent show their delivery; failed ones their
 * error and (when `onRetry` is given) a Retry button. Text is rendered as text, never as HTML. */
export function MessageBubble({
  message,
  onRetry,
}: {
  message: Message;
  onRetry?: (id: number) => Promise<void>;
}) {
  const system = message.author.kind === 'system' || message.meta.system === true;
  if (system) {
    const by = message.author.kind === 'system' ? null : authorLabel(message);
    const unassigned = message.kind === 'assigned' && message.text === 'unassigned';
    return (
      <div className={`chat-event ${message.status === 'failed' ? 'chat-event-failed' : ''}`} role="listitem">
        {unassigned ? <UserMinus size={12} aria-hidden="true" /> : eventIcon(message.kind)}
        <span className="chat-event-text">{message.text}</span>
        {by && <span className="chat-event-by">by {by}</span>}
        <time>{formatDateTime(message.at)}</time>
      </div>
    );
  }
  return <ChatMessage message={message} {...(onRetry ? { onRetry } : {})} />;
}

function ChatMessage({ message, onRetry }: { message: Message; onRetry?: (id: number) => Promise<void> }) {
  // A payload's message can be megabytes; the bubble shows the start until asked for all of it.
  const [full, setFull] = useState(false);
  const cut = !full && message.text.length > INLINE_PREVIEW_CHARS;
  const text = cut ? `${message.text.slice(0, INLINE_PREVIEW_CHARS)}…` : message.text;
  const note = message.kind === 'note';
  const side = message.direction === 'to_operator' ? 'left' : 'right';
  const id = authorId(message);
  return (
    <div
      className={`chat-message chat-${side} ${note ? 'chat-note' : ''} ${message.status === 'failed' ? 'chat-failed' : ''}`}
      role="listitem"
    >
      <div className="chat-author">
        <span className="chat-author-name">{authorLabel(message)}</span>
        {id && <span className="chat-author-id mono">#{id}</span>}
        {note && <span className="meta-tag meta-tag-warn">internal note</span>}
        {message.author.kind === 'bot' && <span className="meta-tag">bot</span>}
        {message.automatic && (
          <span className="meta-tag meta-tag-auto" title="Sent by the auto-responder">
            <Bot size={11} aria-hidden="true" /> auto-reply
          </span>
        )}
      </div>
      {text
        .split(/\n{2,}/u)
        .filter((paragraph) => paragraph.trim() !== '')
        .map((paragraph, index) => (
          <div key={index} className="chat-bubble">
            {paragraph}
          </div>
        ))}
      {message.text.trim() === '' && <div className="chat-bubble chat-bubble-empty">(empty message)</div>}
      {cut && (
        <button type="button" className="link-button" onClick={() => setFull(true)}>
          Show the whole message ({formatBytes(message.text.length)})
        </button>
      )}
      <div className="chat-footer">
        <time className="chat-time">{formatDateTime(message.at)}</time>
        {message.status && <DeliveryStatus status={message.status} />}
      </div>
      {message.status === 'failed' && <FailedNote message={message} {...(onRetry ? { onRetry } : {})} />}
    </div>
  );
}
