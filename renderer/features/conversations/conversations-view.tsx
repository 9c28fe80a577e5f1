import { useEffect } from 'react';
import { SplitPane } from '../../components/split-pane.js';
import { reloadConversations } from '../../state/conversation-actions.js';
import { ConversationList } from './conversation-list.js';
import { ConversationThread } from './conversation-thread.js';

export function ConversationsView() {
  useEffect(() => {
    void reloadConversations();
  }, []);
  return (
    <SplitPane
      id="conversations"
      leftLabel="Conversations"
      rightLabel="Conversation"
      defaultWidth={420}
      left={<ConversationList />}
      right={<ConversationThread />}
    />
  );
}
