import { modKeyLabel } from '../../lib/platform.js';
import type { ShortcutDefinition } from '../shortcuts/shortcut-registry.js';

/** Keys the holds panel handles where focus is (listed in the help). */
export const holdShortcuts: ShortcutDefinition[] = [
  {
    id: 'hold.send',
    keys: ['Enter'],
    description: 'Send the reply typed in a single-line field',
    where: 'in a held request',
    group: 'Held requests',
  },
  {
    id: 'hold.send-multiline',
    keys: [],
    display: [[modKeyLabel(), 'Enter']],
    description: 'Send the reply from a multi-line field or the body editor',
    where: 'in a held request',
    group: 'Held requests',
  },
  {
    id: 'hold.fallback',
    keys: ['Escape'],
    description: 'Send the fallback now (what the deadline would send)',
    where: 'in a held request',
    group: 'Held requests',
  },
];
