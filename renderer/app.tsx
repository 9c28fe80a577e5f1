import { useEffect } from 'react';
import { ApiCallError, call, setApiToken } from './api/client.js';
import { overlays, views } from './features/shell/features.js';
import { TokenMissing } from './features/shell/token-missing.js';
import { TopBar } from './features/shell/top-bar.js';
import { useAppliedTheme } from './features/settings/theme.js';
import { desktopApi } from './lib/desktop-bridge.js';
import { closeCurrentPanel } from './state/close-panel.js';
import { openModal } from './state/modal-actions.js';
import { startEventSync } from './state/event-sync.js';
import { useAppStore } from './state/store.js';

export function App({ token }: { token: string | null }) {
  const authFailed = useAppStore((state) => state.authFailed);
  const viewId = useAppStore((state) => state.view);
  useAppliedTheme();

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

  // Desktop menu: Ctrl/Cmd+W closes the current panel, never the app; View › Getting Started and
  // Keyboard Shortcuts open their dialogs.
  useEffect(() => {
    desktopApi()?.onMenuCommand((command) => {
      if (command === 'close-panel') closeCurrentPanel();
      else if (command === 'show-shortcuts') openModal('shortcuts');
      else if (command === 'show-guide') openModal('guide');
    });
  }, []);

  if (!token || authFailed) return <TokenMissing rejected={Boolean(token)} />;
  const ActiveView = (views.find((view) => view.id === viewId) ?? views[0])?.component;
  return (
    <div className="app">
      <TopBar />
      <main className="main">{ActiveView && <ActiveView />}</main>
      {overlays.map((overlay) => (
        <overlay.component key={overlay.id} />
      ))}
    </div>
  );
}
