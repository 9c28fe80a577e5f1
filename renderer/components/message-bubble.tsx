import type { Message } from '../../shared/model/message.js';
import { useState } from 'react';
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

/** One chat message: the user on the left, operators and bots on the right, notes marked internal,
 * system events as a compact line. Text is rendered as text, never as HTML. */
export function MessageBubble({ message }: { message: Message }) {
  const system = message.author.kind === 'system' || message.meta.system === true;
  if (system) {
    return (
      <div className="chat-event" role="listitem">
        <span>{message.text}</span>
        <time>{formatDateTime(message.at)}</time>
      </div>
    );
  }
  return <ChatMessage message={message} />;
}

function ChatMessage({ message }: { message: Message }) {
  // A payload's message can be megabytes; the bubble shows the start until asked for all of it.
  const [full, setFull] = useState(false);
  const cut = !full && message.text.length > INLINE_PREVIEW_CHARS;
  const text = cut ? `${message.text.slice(0, INLINE_PREVIEW_CHARS)}…` : message.text;
  const note = message.kind === 'note';
  const side = message.direction === 'to_operator' ? 'left' : 'right';
  return (
    <div className={`chat-message chat-${side} ${note ? 'chat-note' : ''}`} role="listitem">
      <div className="chat-author">
        {authorLabel(message)}
        {note && <span className="meta-tag meta-tag-warn">internal note</span>}
        {message.author.kind === 'bot' && <span className="meta-tag">bot</span>}
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
      <time className="chat-time">{formatDateTime(message.at)}</time>
    </div>
  );
}
