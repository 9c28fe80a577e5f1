import { DatabaseZap, X } from 'lucide-react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../state/store.js';

/**
 * Over every view: the store cannot take writes (webhooks are answered 503, senders retry), and
 * one-time notices such as a damaged database moved aside at start.
 */
export function StoreHealthBanner() {
  const { health, hidden, dismissed } = useAppStore(
    useShallow((state) => ({
      health: state.health,
      hidden: state.healthBannerHidden,
      dismissed: state.dismissedNotices,
    })),
  );
  if (!health) return null;
  const failing = health.store.state === 'failing' && !hidden;
  const notices = health.notices.filter((notice) => !dismissed.includes(notice.id));
  if (!failing && notices.length === 0) return null;
  return (
    <div className="health-banners">
      {failing && (
        <div className="health-banner health-banner-danger" role="alert">
          <DatabaseZap size={16} aria-hidden="true" />
          <div className="health-banner-text">
            <strong>Webhooks are not being stored.</strong> {health.store.message}
            {health.store.refused > 0 && (
              <span className="muted"> {health.store.refused} answered 503 so far.</span>
            )}
          </div>
          <button
            type="button"
            className="icon-button"
            aria-label="Hide this message (the top bar keeps a reminder)"
            onClick={() => useAppStore.setState({ healthBannerHidden: true })}
          >
            <X size={14} />
          </button>
        </div>
      )}
      {notices.map((notice) => (
        <div key={notice.id} className={`health-banner health-banner-${notice.level}`} role="status">
          <DatabaseZap size={16} aria-hidden="true" />
          <div className="health-banner-text">{notice.message}</div>
          <button
            type="button"
            className="icon-button"
            aria-label="Dismiss this notice"
            onClick={() =>
              useAppStore.setState((state) => ({ dismissedNotices: [...state.dismissedNotices, notice.id] }))
            }
          >
            <X size={14} />
          </button>
        </div>
      ))}
    </div>
  );
}
