import type { AppHealth } from '../../shared/model/health.js';
import { call } from '../api/client.js';
import { useAppStore } from './store.js';

/** Applies a health report; a new failure shows the banner again even if it was hidden. */
export function applyHealth(health: AppHealth): void {
  useAppStore.setState((state) => ({
    health,
    healthBannerHidden:
      health.store.state === 'failing' && state.health?.store.state !== 'failing'
        ? false
        : state.healthBannerHidden,
  }));
}

export async function loadHealth(): Promise<void> {
  try {
    applyHealth(await call('app.health', {}));
  } catch {
    // The connection indicator already says when the core is unreachable.
  }
}
