import { Radio } from 'lucide-react';
import { CopyButton } from '../../components/copy-button.js';
import { Tabs } from '../../components/tabs.js';
import { useAppStore } from '../../state/store.js';
import type { View } from '../../state/session-slice.js';

const CONNECTION_LABEL = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  unauthorized: 'Not authorized',
} as const;

export function TopBar() {
  const view = useAppStore((state) => state.view);
  const setView = useAppStore((state) => state.setView);
  const connection = useAppStore((state) => state.connection);
  const info = useAppStore((state) => state.appInfo);
  return (
    <header className="top-bar">
      <div className="brand">
        <img src="/favicon.svg" alt="" width={22} height={22} />
        <span>Convoscope</span>
      </div>
      <Tabs<View>
        label="Views"
        active={view}
        onChange={setView}
        items={[
          { id: 'captures', label: 'Captures' },
          { id: 'conversations', label: 'Conversations' },
        ]}
      />
      <div className="top-bar-spacer" />
      {info && (
        <div className="listener-chip" title="The webhook listener on this machine">
          <Radio size={14} aria-hidden="true" />
          <span className="mono">{info.listenerUrl}</span>
          <CopyButton text={info.listenerUrl} label="Copy listener URL" compact />
        </div>
      )}
      <div className={`connection connection-${connection}`} role="status" aria-live="polite">
        <span className="connection-dot" aria-hidden="true" />
        {CONNECTION_LABEL[connection]}
      </div>
    </header>
  );
}
