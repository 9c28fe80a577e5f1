import { openReplayEditor, replayToLastTarget } from '../../state/replay-actions.js';
import { useAppStore } from '../../state/store.js';
import type { ShortcutDefinition } from '../shortcuts/shortcut-registry.js';

function selectedCapture(): number | null {
  const state = useAppStore.getState();
  return state.view === 'captures' ? state.selectedCaptureId : null;
}

/** `r` replays the selected capture to the last target of its endpoint, `e` opens Edit & replay. */
export const replayShortcuts: ShortcutDefinition[] = [
  {
    id: 'capture.replay',
    keys: ['r'],
    description: 'Replay the selected capture to the last target of its endpoint',
    group: 'Captures',
    when: () => selectedCapture() !== null,
    run: () => {
      const id = selectedCapture();
      if (id !== null) void replayToLastTarget(id);
    },
  },
  {
    id: 'capture.edit-replay',
    keys: ['e'],
    description: 'Edit the selected capture and replay it',
    group: 'Captures',
    when: () => selectedCapture() !== null,
    run: () => {
      const id = selectedCapture();
      if (id !== null) openReplayEditor(id);
    },
  },
];
