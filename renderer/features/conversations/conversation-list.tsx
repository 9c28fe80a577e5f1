import { Lock, UserCheck } from 'lucide-react';
import type { ProviderId } from '../../../shared/model/provider.js';
import { ProviderBadge } from '../../components/badges.js';
import { Segmented } from '../../components/segmented.js';
import { formatRelative } from '../../lib/format.js';
import { openConversation, setConversationProvider } from '../../state/conversation-actions.js';
import { useAppStore } from '../../state/store.js';

const PROVIDERS: { value: ProviderId | null; label: string }[] = [
  { value: null, label: 'All' },
  { value: 'dashly', label: 'Dashly' },
  { value: 'kindly', label: 'Kindly' },
];

export function ConversationList() {
  const conversations = useAppStore((state) => state.conversations);
  const provider = useAppStore((state) => state.conversationProvider);
  const selected = useAppStore((state) => state.selectedConversation);
  const error = useAppStore((state) => state.conversationsError);
  const loading = useAppStore((state) => state.conversationsLoading);

  return (
    <div className="conversation-pane">
      <div className="filter-bar">
        <Segmented
          label="Filter conversations by provider"
          options={PROVIDERS}
          value={provider}
          onChange={setConversationProvider}
        />
      </div>
      {error && <div className="inline-error">{error}</div>}
      {conversations.length === 0 && !loading && !error && (
        <div className="list-empty">
          No conversations yet. Dashly and Kindly messages are grouped here as they arrive.
        </div>
      )}
      <ul className="conversation-list" aria-label="Conversations, latest activity first">
        {conversations.map((conversation) => {
          const active = selected?.provider === conversation.provider && selected.key === conversation.key;
          return (
            <li key={`${conversation.provider}/${conversation.key}`}>
              <button
                type="button"
                className={`conversation-item ${active ? 'conversation-item-active' : ''}`}
                aria-current={active ? 'true' : undefined}
                onClick={() => void openConversation(conversation.provider, conversation.key)}
              >
                <div className="conversation-line">
                  <ProviderBadge provider={conversation.provider} />
                  <span className="conversation-title">{conversation.title || conversation.key}</span>
                  {conversation.unanswered && !conversation.closed && (
                    <span
                      className="unanswered-dot"
                      title="Waiting for an answer"
                      role="img"
                      aria-label="unanswered"
                    />
                  )}
                  <time>{formatRelative(conversation.lastAt)}</time>
                </div>
                <div className="conversation-last">{conversation.lastText.slice(0, 300) || '—'}</div>
                {(conversation.closed || conversation.tags.length > 0 || conversation.assignee) && (
                  <div className="conversation-state">
                    {conversation.closed && (
                      <span className="state-chip state-closed">
                        <Lock size={10} aria-hidden="true" /> closed
                      </span>
                    )}
                    {conversation.tags.map((tag) => (
                      <span key={tag} className="tag-chip tag-chip-small">
                        {tag}
                      </span>
                    ))}
                    {conversation.assignee && (
                      <span className="conversation-assignee" title="Assignee">
                        <UserCheck size={11} aria-hidden="true" />
                        {conversation.assignee.name ?? conversation.assignee.id}
                      </span>
                    )}
                  </div>
                )}
                <div className="conversation-meta">
                  <span className="mono">{conversation.key}</span>
                  <span>
                    {conversation.count} message{conversation.count === 1 ? '' : 's'}
                  </span>
                </div>
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
