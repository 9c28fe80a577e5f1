/**
 * The app's one keyboard-shortcut system. Features declare their shortcuts (features.tsx,
 * `shortcuts`); one window listener runs them, and the `?` dialog lists them all. Shortcuts that
 * only make sense where focus is (Enter in a composer, Esc in a held request) are declared with
 * `where` and no `run`: their element handles them, the help still lists them.
 *
 * Single-key shortcuts never fire while the user types (inputs, text areas, editors), while a modal
 * dialog is open (it owns the keyboard), or with Ctrl/Cmd/Alt held; they never move focus unless
 * moving focus is what they are for (`/`).
 */

export interface ShortcutDefinition {
  id: string;
  /** `KeyboardEvent.key` values that trigger it (e.g. `['j', 'ArrowDown']`). */
  keys: string[];
  /** How the keys are shown in the help when `keys` would not read well (e.g. `['Ctrl/⌘', 'W']` as one combination). */
  display?: string[][];
  description: string;
  /** Heading it is listed under in the help. */
  group: ShortcutGroup;
  /** Where a key handled by an element applies, shown in the help (e.g. "in a held request"). */
  where?: string;
  /** Runs it from the window listener; absent for keys their element handles. */
  run?: () => void;
  /** Whether it applies now (view, selection); default always. */
  when?: () => boolean;
  /** Also fires while the key is held down (moving in a list). */
  repeat?: boolean;
}

export const SHORTCUT_GROUPS = ['Everywhere', 'Lists', 'Captures', 'Held requests', 'Composers'] as const;
export type ShortcutGroup = (typeof SHORTCUT_GROUPS)[number];

const TEXT_INPUT_TYPES = new Set([
  'text',
  'search',
  'email',
  'url',
  'tel',
  'password',
  'number',
  'date',
  'datetime-local',
  'month',
  'time',
  'week',
]);

/** Whether keys typed at this element are text (so single-key shortcuts must stay away). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target instanceof HTMLInputElement) return TEXT_INPUT_TYPES.has(target.type);
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return Boolean(
    target.closest('[contenteditable]:not([contenteditable="false"]), .cm-editor, [role="textbox"]'),
  );
}

/** A modal dialog is open: it handles its own keys (Esc closes it). */
export function modalOpen(): boolean {
  return document.querySelector('[aria-modal="true"]') !== null;
}

/** The shortcut a key press runs, if any (pure: decides only from the event and the definitions). */
export function shortcutFor(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'repeat' | 'isComposing'>,
  definitions: readonly ShortcutDefinition[],
): ShortcutDefinition | null {
  if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return null;
  for (const definition of definitions) {
    if (!definition.run || !definition.keys.includes(event.key)) continue;
    if (event.repeat && !definition.repeat) continue;
    if (definition.when && !definition.when()) continue;
    return definition;
  }
  return null;
}

/** Listens on the window for the given shortcuts; answers a function that stops listening. */
export function listenForShortcuts(definitions: readonly ShortcutDefinition[]): () => void {
  const onKeyDown = (event: KeyboardEvent) => {
    // Elements that handled the key themselves (a list's arrows, a composer's Enter) come first.
    if (event.defaultPrevented || isTypingTarget(event.target) || modalOpen()) return;
    const definition = shortcutFor(event, definitions);
    if (!definition?.run) return;
    event.preventDefault();
    definition.run();
  };
  window.addEventListener('keydown', onKeyDown);
  return () => window.removeEventListener('keydown', onKeyDown);
}

/** The key combinations to show for a shortcut in the help. */
export function displayKeys(definition: ShortcutDefinition): string[][] {
  return definition.display ?? definition.keys.map((key) => [KEY_LABELS[key] ?? key]);
}

const KEY_LABELS: Record<string, string> = {
  ArrowDown: '↓',
  ArrowUp: '↑',
  ArrowLeft: '←',
  ArrowRight: '→',
  Escape: 'Esc',
  Enter: 'Enter',
};
