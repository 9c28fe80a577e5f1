import { useEffect } from 'react';
import { openReplayEditor, replayToLastTarget } from '../../state/replay-actions.js';
import { useAppStore } from '../../state/store.js';

/**
 * `r` replays the selected capture to the last target of its endpoint, `e` opens Edit & replay.
 * Never while the user types (inputs, editors) or a dialog is open.
 */
export function ReplayKeys() {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
      if (event.key !== 'r' && event.key !== 'e') return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"], .cm-editor, [role="dialog"]'))
        return;
      if (document.querySelector('[role="dialog"]')) return;
      const state = useAppStore.getState();
      if (state.view !== 'captures' || state.selectedCaptureId === null) return;
      event.preventDefault();
      if (event.key === 'r') void replayToLastTarget(state.selectedCaptureId);
      else openReplayEditor(state.selectedCaptureId);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return null;
}
