import { DatabaseZap } from 'lucide-react';
import { useAppStore } from '../../state/store.js';

/** In the top bar while the store fails, even when the banner is hidden; brings the banner back. */
export function StoreHealthChip() {
  const failing = useAppStore((state) => state.health?.store.state === 'failing');
  if (!failing) return null;
  return (
    <button
      type="button"
      className="health-chip"
      onClick={() => useAppStore.setState({ healthBannerHidden: false })}
      title="Webhooks are answered 503 until the store takes writes again"
    >
      <DatabaseZap size={14} aria-hidden="true" /> Storage failing
    </button>
  );
}
