import { Bell, BellOff } from 'lucide-react';
import { setNotifications, useNotifications } from '../../lib/desktop-notifications.js';

/** The one "Notify me" choice: new held requests and Dashly replies that failed. */
export function NotificationsSettingsSection() {
  const notifications = useNotifications();
  if (notifications.support === 'none') {
    return <p className="form-help">This browser cannot show notifications.</p>;
  }
  return (
    <div className="form-row">
      <div className="form-control-line">
        <button
          type="button"
          className="button button-small"
          aria-pressed={notifications.enabled}
          disabled={notifications.blocked}
          onClick={() => void setNotifications(!notifications.enabled)}
        >
          {notifications.enabled ? (
            <Bell size={14} aria-hidden="true" />
          ) : (
            <BellOff size={14} aria-hidden="true" />
          )}
          Notify me
        </button>
        <span className="muted">{notifications.enabled ? 'On' : 'Off'}</span>
      </div>
      <p className="form-help">
        {notifications.blocked
          ? 'This browser blocks notifications for this page; allow them in its site settings.'
          : `A ${notifications.support === 'desktop' ? 'system' : 'browser'} notification for each new held request and each Dashly reply that failed, shown only while you are in another window; it never takes focus. The same switch as "Notify me" beside the held-requests counter.`}
      </p>
    </div>
  );
}
