import { describe, expect, it } from 'vitest';
import {
  displayKeys,
  shortcutFor,
  type ShortcutDefinition,
} from '../../../renderer/features/shortcuts/shortcut-registry.js';

const press = (key: string, extra: Partial<KeyboardEvent> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  repeat: false,
  isComposing: false,
  ...extra,
});

describe('shortcutFor', () => {
  let view = 'captures';
  const ran: string[] = [];
  const definitions: ShortcutDefinition[] = [
    { id: 'doc-only', keys: ['Enter'], description: 'handled by its element', group: 'Composers' },
    {
      id: 'next',
      keys: ['j'],
      description: 'next',
      group: 'Lists',
      repeat: true,
      when: () => view !== 'settings',
      run: () => ran.push('next'),
    },
    { id: 'star', keys: ['s'], description: 'star', group: 'Captures', run: () => ran.push('star') },
    {
      id: 'star-again',
      keys: ['s'],
      description: 'later entry',
      group: 'Captures',
      run: () => ran.push('x'),
    },
    { id: 'help', keys: ['?'], description: 'help', group: 'Everywhere', run: () => ran.push('help') },
  ];

  it('finds the first applicable definition for a plain key', () => {
    expect(shortcutFor(press('j'), definitions)?.id).toBe('next');
    expect(shortcutFor(press('s'), definitions)?.id).toBe('star');
    // `?` is typed with Shift on most layouts: Shift does not stop it.
    expect(shortcutFor(press('?', { shiftKey: true }), definitions)?.id).toBe('help');
  });

  it('ignores keys with Ctrl, Cmd or Alt, keys being composed, and documentation-only entries', () => {
    expect(shortcutFor(press('j', { ctrlKey: true }), definitions)).toBeNull();
    expect(shortcutFor(press('j', { metaKey: true }), definitions)).toBeNull();
    expect(shortcutFor(press('j', { altKey: true }), definitions)).toBeNull();
    expect(shortcutFor(press('j', { isComposing: true }), definitions)).toBeNull();
    expect(shortcutFor(press('Enter'), definitions)).toBeNull();
    expect(shortcutFor(press('J'), definitions)).toBeNull();
  });

  it('honours `when` and fires on key repeat only where allowed', () => {
    view = 'settings';
    expect(shortcutFor(press('j'), definitions)).toBeNull();
    view = 'captures';
    expect(shortcutFor(press('j', { repeat: true }), definitions)?.id).toBe('next');
    expect(shortcutFor(press('s', { repeat: true }), definitions)).toBeNull();
  });

  it('shows arrows and Esc by name, and explicit combinations as given', () => {
    expect(displayKeys({ id: 'a', keys: ['ArrowDown', 'Escape'], description: '', group: 'Lists' })).toEqual([
      ['↓'],
      ['Esc'],
    ]);
    expect(
      displayKeys({ id: 'b', keys: [], display: [['Ctrl', 'W']], description: '', group: 'Everywhere' }),
    ).toEqual([['Ctrl', 'W']]);
  });
});
