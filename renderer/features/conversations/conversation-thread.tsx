import { ListFilter, Lock, MessagesSquare, UserCheck } from 'lucide-react';
import { useEffect, useState } from 'react';
import type { ConversationDetail } from '../../../shared/model/conversation.js';
import { ProviderBadge } from '../../components/badges.js';
import { CopyButton } from '../../components/copy-button.js';
import { Tabs } from '../../components/tabs.js';
import { setCaptureFilter } from '../../state/capture-actions.js';
import { loadConversationCalls, retryReply } from '../../state/dashly-actions.js';
import { useAppStore } from '../../state/store.js';
import { KindlyThreadBody } from '../kindly-studio/chat/kindly-thread.js';
import { Messages } from './thread-messages.js';
import { ApiCallLog } from '../dashly-console/api-call-log.js';
import { CloseConversation, OperatorActions } from '../dashly-console/operator-actions.js';
import { ReplyComposer } from '../dashly-console/reply-composer.js';

type ThreadTab = 'messages' | 'calls';

async function retry(id: number): Promise<void> {
  const outcome = await retryReply(id);
  if (!outcome.ok) useAppStore.getState().showToast(`Retry failed: ${outcome.error}`, 'error');
}

function ThreadHeader({ thread }: { thread: ConversationDetail }) {
  const setView = useAppStore((state) => state.setView);
  const dashly = thread.provider === 'dashly';
  return (
    <header className="detail-header">
      <div className="detail-title">
        <ProviderBadge provider={thread.provider} />
        <h2>{thread.title || thread.key}</h2>
        {thread.closed ? (
          <span className="state-chip state-closed">
            <Lock size={11} aria-hidden="true" /> Closed
          </span>
        ) : (
          dashly && <span className="state-chip state-open">Open</span>
        )}
        {thread.unanswered && !thread.closed && (
          <span className="state-chip state-waiting">Waiting for a reply</span>
        )}
        {dashly && <CloseConversation thread={thread} />}
      </div>
      <div className="detail-facts">
        <span className="thread-key">
          <span className="mono">{thread.key}</span>
          <CopyButton text={thread.key} label="Copy conversation id" compact />
        </span>
        <span>
          {thread.messages.length} message{thread.messages.length === 1 ? '' : 's'}
        </span>
        {thread.assignee && (
          <span className="thread-assignee">
            <UserCheck size={13} aria-hidden="true" /> Assigned to{' '}
            <strong>{thread.assignee.name ?? `admin ${thread.assignee.id ?? '?'}`}</strong>
            {thread.assignee.name && thread.assignee.id && (
              <span className="mono"> #{thread.assignee.id}</span>
            )}
          </span>
        )}
        {!dashly && thread.tags.length > 0 && <span>Tags: {thread.tags.join(', ')}</span>}
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
      {dashly && <OperatorActions thread={thread} />}
    </header>
  );
}

/** A Dashly conversation: the thread with a composer, and the Web API calls made for it. */
function DashlyThreadBody({ thread }: { thread: ConversationDetail }) {
  const [tab, setTab] = useState<ThreadTab>('messages');
  const calls = useAppStore((state) => (state.dashlyCalls?.key === thread.key ? state.dashlyCalls : null));
  useEffect(() => {
    void loadConversationCalls(thread.key);
  }, [thread.key]);
  const callCount = calls ? `${calls.items.length}${calls.next !== null ? '+' : ''}` : '…';
  return (
    <>
      <Tabs<ThreadTab>
        label="Conversation views"
        active={tab}
        onChange={setTab}
        items={[
          { id: 'messages', label: 'Messages' },
          { id: 'calls', label: `API calls (${callCount})` },
        ]}
      />
      {tab === 'messages' ? (
        <>
          <Messages thread={thread} onRetry={retry} />
          <ReplyComposer key={thread.key} conversationKey={thread.key} closed={thread.closed} />
        </>
      ) : (
        <ApiCallLog />
      )}
    </>
  );
}

export function ConversationThread() {
  const thread = useAppStore((state) => state.thread);
  const error = useAppStore((state) => state.threadError);
  const selected = useAppStore((state) => state.selectedConversation);

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
      <ThreadHeader thread={thread} />
      {thread.provider === 'dashly' ? (
        <DashlyThreadBody key={thread.key} thread={thread} />
      ) : thread.provider === 'kindly' ? (
        <KindlyThreadBody key={thread.key} thread={thread} />
      ) : (
        <Messages thread={thread} />
      )}
    </article>
  );
}
