import type { AppHealth } from '../../shared/model/health.js';
import type { SliceCreator } from './store.js';

export interface HealthSlice {
  /** The core's `app.health`; null until first loaded. */
  health: AppHealth | null;
  /** The failing-store banner was hidden; the top-bar chip stays and brings it back. */
  healthBannerHidden: boolean;
  /** Notices the user dismissed (by id), for this window. */
  dismissedNotices: string[];
}

export const createHealthSlice: SliceCreator<HealthSlice> = () => ({
  health: null,
  healthBannerHidden: false,
  dismissedNotices: [],
});
