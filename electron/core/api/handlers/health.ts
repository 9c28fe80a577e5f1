import type { StoreHealthMonitor } from '../../store/store-health.js';
import type { RetentionPruner } from '../../store/retention.js';
import type { Store } from '../../store/store.js';
import type { HandlerGroup } from '../handler-types.js';

export function healthHandlers(deps: {
  health: StoreHealthMonitor;
  retention: RetentionPruner;
  store: Store;
}): HandlerGroup<'app.health' | 'retention.status' | 'retention.run'> {
  const { health, retention, store } = deps;
  return {
    'app.health': () => health.current(),
    'retention.status': () => ({
      captures: store.captures.count(),
      starred: store.captures.count({ starred: true }),
      usedBytes: store.usedBytes(),
      lastPass: retention.lastPass(),
    }),
    'retention.run': () => retention.run(),
  };
}
