import { useEffect } from 'react';
import { useAppStore } from '../../state/store.js';
import { shortcuts } from '../shell/features.js';
import { listenForShortcuts } from './shortcut-registry.js';
import { ShortcutsDialog } from './shortcuts-dialog.js';

/** Runs the app's keyboard shortcuts, and shows their list when asked. */
export function ShortcutsOverlay() {
  const open = useAppStore((state) => state.modal === 'shortcuts');
  useEffect(() => listenForShortcuts(shortcuts), []);
  return open ? <ShortcutsDialog /> : null;
}
