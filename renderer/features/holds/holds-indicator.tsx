import { Bell, BellOff, Hand } from 'lucide-react';
import { setNotifications, useNotifications } from '../../lib/desktop-notifications.js';
import { setHoldsPanelCollapsed } from '../../state/holds-actions.js';
import { useAppStore } from '../../state/store.js';

/** In the top bar while some endpoint can hold requests: how many wait, and "Notify me". */
export function HoldsIndicator() {
  const count = useAppStore((state) => state.holds.length);
  const collapsed = useAppStore((state) => state.holdsPanelCollapsed);
  const canHold = useAppStore(
    (state) =>
      state.endpoints?.some(
        (endpoint) =>
          endpoint.mode === 'hold' || (endpoint.mode === 'forward' && endpoint.holdOnForwardFailure),
      ) ?? false,
  );
  const notifications = useNotifications();
  if (!canHold && count === 0) return null;

  const notifyTitle = notifications.blocked
    ? 'This browser blocks notifications for this page; allow them in its site settings.'
    : notifications.enabled
      ? 'A desktop notification tells you about each new held request and each Dashly reply that failed while you are in another window. Click to stop.'
      : 'Get a desktop notification for each new held request and each Dashly reply that failed while you are in another window.';

  return (
    <div className={`holds-indicator ${count > 0 ? 'holds-indicator-active' : ''}`}>
      <button
        type="button"
        className="holds-indicator-count"
        title={
          count > 0 ? 'Show the held requests' : 'Requests to hold-mode endpoints wait here for your answer'
        }
        disabled={count === 0}
        onClick={() => setHoldsPanelCollapsed(!collapsed)}
      >
        <Hand size={14} aria-hidden="true" />
        {count} held
      </button>
      {notifications.support !== 'none' && (
        <button
          type="button"
          className="holds-indicator-notify"
          aria-pressed={notifications.enabled}
          disabled={notifications.blocked}
          title={notifyTitle}
          onClick={() => void setNotifications(!notifications.enabled)}
        >
          {notifications.enabled ? (
            <Bell size={14} aria-hidden="true" />
          ) : (
            <BellOff size={14} aria-hidden="true" />
          )}
          Notify me
        </button>
      )}
    </div>
  );
}
