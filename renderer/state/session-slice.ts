import type { AppInfo } from '../../shared/contract/methods/app.js';
import type { SettingsSnapshot } from '../../shared/contract/methods/settings.js';
import type { ConnectionState } from '../api/events.js';
import type { SliceCreator } from './store.js';

/** The id of a view registered in features/shell/features.tsx. */
export type View = string;

export interface SessionSlice {
  connection: ConnectionState;
  appInfo: AppInfo | null;
  /** Set when the API refuses our token (stale tab, wrong URL). */
  authFailed: boolean;
  view: View;
  /** Settings as the core reports them (secrets only as set/unset); null until first loaded. */
  settings: SettingsSnapshot | null;
  /** A transient message at the bottom of the window. */
  toast: { id: number; text: string; tone: 'info' | 'error' } | null;
  setView: (view: View) => void;
  showToast: (text: string, tone?: 'info' | 'error') => void;
}

let toastId = 0;

export const createSessionSlice: SliceCreator<SessionSlice> = (set) => ({
  connection: 'connecting',
  appInfo: null,
  authFailed: false,
  view: 'captures',
  settings: null,
  toast: null,
  setView: (view) => set({ view }),
  showToast: (text, tone = 'info') => {
    const id = ++toastId;
    set({ toast: { id, text, tone } });
    window.setTimeout(
      () => set((state) => (state.toast?.id === id ? { toast: null } : {})),
      tone === 'error' ? 6000 : 2500,
    );
  },
});
