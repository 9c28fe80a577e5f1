import { useAppStore } from '../../state/store.js';

const CONNECTION_LABEL = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  unauthorized: 'Not authorized',
} as const;

export function ConnectionIndicator() {
  const connection = useAppStore((state) => state.connection);
  return (
    <div className={`connection connection-${connection}`} role="status" aria-live="polite">
      <span className="connection-dot" aria-hidden="true" />
      {CONNECTION_LABEL[connection]}
    </div>
  );
}
