import { useEffect } from 'react';
import { ApiCallError, call, setApiToken } from './api/client.js';
import { CaptureDetail } from './features/captures/capture-detail.js';
import { CaptureFilterBar } from './features/captures/capture-filter-bar.js';
import { CaptureList } from './features/captures/capture-list.js';
import { ConversationList } from './features/conversations/conversation-list.js';
import { ConversationThread } from './features/conversations/conversation-thread.js';
import { Toast } from './features/shell/toast.js';
import { TokenMissing } from './features/shell/token-missing.js';
import { TopBar } from './features/shell/top-bar.js';
import { reloadConversations } from './state/conversation-actions.js';
import { startEventSync } from './state/event-sync.js';
import { useAppStore } from './state/store.js';

function CapturesView() {
  return (
    <div className="split">
      <section className="list-pane" aria-label="Captures">
        <CaptureFilterBar />
        <CaptureList />
      </section>
      <section className="detail-pane" aria-label="Capture detail">
        <CaptureDetail />
      </section>
    </div>
  );
}

function ConversationsView() {
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

export function App({ token }: { token: string | null }) {
  const authFailed = useAppStore((state) => state.authFailed);
  const view = useAppStore((state) => state.view);

  useEffect(() => {
    if (!token) return;
    setApiToken(token);
    call('app.info', {})
      .then((appInfo) => useAppStore.setState({ appInfo }))
      .catch((error: unknown) => {
        if (error instanceof ApiCallError && error.status === 401) useAppStore.setState({ authFailed: true });
      });
    return startEventSync(token);
  }, [token]);

  if (!token || authFailed) return <TokenMissing rejected={Boolean(token)} />;
  return (
    <div className="app">
      <TopBar />
      <main className="main">{view === 'captures' ? <CapturesView /> : <ConversationsView />}</main>
      <Toast />
    </div>
  );
}
