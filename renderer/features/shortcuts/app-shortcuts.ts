import { focusViewSearch, hasViewSearch } from '../../lib/focus-search.js';
import { modKeyLabel } from '../../lib/platform.js';
import { currentViewHasList, moveInCurrentList } from '../../state/list-navigation.js';
import { openModal } from '../../state/modal-actions.js';
import type { ShortcutDefinition } from './shortcut-registry.js';

/** Shortcuts of the whole app (features add theirs in features.tsx). */
export const appShortcuts: ShortcutDefinition[] = [
  {
    id: 'help.shortcuts',
    keys: ['?'],
    description: 'Show the keyboard shortcuts',
    group: 'Everywhere',
    run: () => openModal('shortcuts'),
  },
  {
    id: 'search.focus',
    keys: ['/'],
    description: 'Search (Captures)',
    group: 'Everywhere',
    when: hasViewSearch,
    run: focusViewSearch,
  },
  {
    id: 'dialog.close',
    keys: ['Escape'],
    description: 'Close the dialog or pop-up; in a search field, clear it',
    group: 'Everywhere',
  },
  {
    id: 'panel.close',
    keys: [],
    display: [[modKeyLabel(), 'W']],
    description: 'Close the open dialog, else the open detail — never the window (desktop app)',
    group: 'Everywhere',
  },
  {
    id: 'list.next',
    keys: ['j'],
    display: [['j'], ['↓']],
    description: 'Next item in the list (captures, conversations, endpoints)',
    where: '↓ and ↑ work while the capture list has focus',
    group: 'Lists',
    repeat: true,
    when: currentViewHasList,
    run: () => moveInCurrentList(1),
  },
  {
    id: 'list.previous',
    keys: ['k'],
    display: [['k'], ['↑']],
    description: 'Previous item in the list',
    group: 'Lists',
    repeat: true,
    when: currentViewHasList,
    run: () => moveInCurrentList(-1),
  },
];
