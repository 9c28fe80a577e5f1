import { ListFilter, MessagesSquare } from 'lucide-react';
import { useEffect, useRef } from 'react';
import { ProviderBadge } from '../../components/badges.js';
import { MessageBubble } from '../../components/message-bubble.js';
import { setCaptureFilter } from '../../state/capture-actions.js';
import { useAppStore } from '../../state/store.js';
import { KindlyThreadBody } from '../kindly-studio/chat/kindly-thread.js';

export function ConversationThread() {
  const thread = useAppStore((state) => state.thread);
  const error = useAppStore((state) => state.threadError);
  const selected = useAppStore((state) => state.selectedConversation);
  const setView = useAppStore((state) => state.setView);
  const endRef = useRef<HTMLDivElement>(null);
  const count = thread?.messages.length ?? 0;

  useEffect(() => {
    endRef.current?.scrollIntoView({ block: 'end' });
  }, [count, thread?.key]);

  if (!selected) {
    return (
      <div className="detail-placeholder">
        <MessagesSquare size={22} aria-hidden="true" />
        <p>Select a conversation to read it as a chat.</p>
      </div>
    );
  }
  if (error) return <div className="inline-error detail-pad">{error}</div>;
  if (!thread) return <div className="muted detail-pad">Loading…</div>;
  return (
    <article className="thread" aria-label={`Conversation ${thread.key}`}>
      <header className="detail-header">
        <div className="detail-title">
          <ProviderBadge provider={thread.provider} />
          <h2>{thread.title || thread.key}</h2>
        </div>
        <div className="detail-facts">
          <span className="mono">{thread.key}</span>
          <span>{thread.messages.length} messages</span>
          <span className="capture-spacer" />
          <button
            type="button"
            className="button button-small"
            onClick={() => {
              setCaptureFilter({ conversation: thread.key, provider: null });
              setView('captures');
            }}
          >
            <ListFilter size={14} /> Show its requests
          </button>
        </div>
      </header>
      {thread.provider === 'kindly' ? (
        <KindlyThreadBody thread={thread} />
      ) : (
        <div className="detail-scroll">
          <div className="chat-thread" role="list">
            {thread.messages.map((message) => (
              <MessageBubble key={message.id} message={message} />
            ))}
            <div ref={endRef} />
          </div>
        </div>
      )}
    </article>
  );
}
