import { useEffect, useRef } from 'react';
import { openModal } from '../../state/modal-actions.js';
import { useAppStore } from '../../state/store.js';
import { saveSettings, useSettings } from '../settings/use-settings.js';
import { GettingStartedDialog } from './getting-started-dialog.js';

/**
 * Opens the guide by itself on the first launch (`ui.guideSeen` false), and marks it seen at once:
 * it is shown once, not at every reload, and stays reachable from Help › Getting started.
 */
export function GuideOverlay() {
  const open = useAppStore((state) => state.modal === 'guide');
  const settings = useSettings();
  const shown = useRef(false);
  const firstRun = settings !== null && settings.values['ui.guideSeen'] === false;

  useEffect(() => {
    if (!firstRun || shown.current) return;
    shown.current = true;
    if (useAppStore.getState().modal === null) openModal('guide');
    void saveSettings({ 'ui.guideSeen': true }, { quiet: true });
  }, [firstRun]);

  return open ? <GettingStartedDialog /> : null;
}
