import { useEffect } from 'react';
import { reloadConversations } from '../../state/conversation-actions.js';
import { ConversationList } from './conversation-list.js';
import { ConversationThread } from './conversation-thread.js';

export function ConversationsView() {
  useEffect(() => {
    void reloadConversations();
  }, []);
  return (
    <div className="split">
      <section className="list-pane" aria-label="Conversations">
        <ConversationList />
      </section>
      <section className="detail-pane" aria-label="Conversation">
        <ConversationThread />
      </section>
    </div>
  );
}
