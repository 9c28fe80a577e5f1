import { useAppStore } from '../../state/store.js';
import { saveSettings, useSettings } from '../settings/use-settings.js';

export interface RemoteImages {
  /** Images from payloads may be shown now: the setting is on and this page's CSP lets them load. */
  allowed: boolean;
  /** The setting is on, but this page was loaded before it was: reload() shows them. */
  needsReload: boolean;
  /** Turns `privacy.loadRemoteImages` on for every window (persisted); call reload() to apply it here. */
  enable: () => Promise<boolean>;
  disable: () => Promise<boolean>;
  /** Reloads the UI (the tab keeps its token) so the page gets the new CSP. */
  reload: () => void;
}

/** The setting as it was when this page loaded: the server chose the page's CSP from it then. */
let atLoad: boolean | null = null;
useAppStore.subscribe((state) => {
  if (atLoad === null && state.settings) atLoad = state.settings.values['privacy.loadRemoteImages'] === true;
});

/**
 * Whether payload images (Kindly image buttons, carousels, attachments) may be fetched. Fetching
 * tells the sender your IP address and when you looked, so it is off until the user allows it.
 * Render a remote `<img>` only when `allowed`; otherwise offer a "Load images" action that calls
 * `enable()` and then `reload()`. The UI's Content-Security-Policy allows https images only while
 * the setting is on (electron/core/api/static-files.ts), so this hook and the CSP always agree.
 */
export function useLoadRemoteImages(): RemoteImages {
  const settings = useSettings();
  const now = settings?.values['privacy.loadRemoteImages'] === true;
  return {
    allowed: now && atLoad === true,
    needsReload: now && atLoad === false,
    enable: () => saveSettings({ 'privacy.loadRemoteImages': true }),
    disable: () => saveSettings({ 'privacy.loadRemoteImages': false }),
    reload: () => {
      useAppStore.getState().showToast('Reloading to apply the image setting…');
      window.location.reload();
    },
  };
}
