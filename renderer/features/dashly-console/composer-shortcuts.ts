import type { ShortcutDefinition } from '../shortcuts/shortcut-registry.js';

/** Keys the Dashly reply box handles (listed in the help). */
export const composerShortcuts: ShortcutDefinition[] = [
  {
    id: 'dashly.reply.send',
    keys: ['Enter'],
    description: 'Send the reply or note',
    where: 'in the Dashly reply box',
    group: 'Composers',
  },
  {
    id: 'dashly.reply.newline',
    keys: [],
    display: [['Shift', 'Enter']],
    description: 'New line',
    where: 'in the Dashly reply box',
    group: 'Composers',
  },
];
