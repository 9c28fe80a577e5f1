import { modKeyLabel } from '../../lib/platform.js';
import { editNoteOfSelected, toggleStarOnSelected } from '../../state/capture-actions.js';
import { useAppStore } from '../../state/store.js';
import type { ShortcutDefinition } from '../shortcuts/shortcut-registry.js';

function captureSelected(): boolean {
  const state = useAppStore.getState();
  return state.view === 'captures' && state.selectedCaptureId !== null;
}

function captureSelectedOrPicked(): boolean {
  const state = useAppStore.getState();
  return state.view === 'captures' && (state.selectedCaptureId !== null || state.multiSelection.length > 0);
}

export const captureShortcuts: ShortcutDefinition[] = [
  {
    id: 'capture.star',
    keys: ['s'],
    description: 'Star or unstar the selected capture (or all the picked ones)',
    group: 'Captures',
    when: captureSelectedOrPicked,
    run: toggleStarOnSelected,
  },
  {
    id: 'capture.note',
    keys: ['n'],
    description: 'Write a note on the selected capture',
    group: 'Captures',
    when: captureSelected,
    run: editNoteOfSelected,
  },
  {
    id: 'capture.note.save',
    keys: [],
    display: [[modKeyLabel(), 'Enter']],
    description: 'Save the note (Esc cancels)',
    where: 'in the note editor',
    group: 'Captures',
  },
];
