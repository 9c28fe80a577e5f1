import { CircleHelp, Keyboard, Rocket } from 'lucide-react';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { openModal } from '../../state/modal-actions.js';

const ITEMS = [
  { id: 'guide', label: 'Getting started', icon: Rocket, hint: null, open: () => openModal('guide') },
  {
    id: 'shortcuts',
    label: 'Keyboard shortcuts',
    icon: Keyboard,
    hint: '?',
    open: () => openModal('shortcuts'),
  },
] as const;

/** Top-bar Help menu: the first-run guide and the shortcut list, any time. */
export function HelpMenu() {
  const [open, setOpen] = useState(false);
  const wrap = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const items = useRef<(HTMLButtonElement | null)[]>([]);

  useEffect(() => {
    if (!open) return;
    // The user opened the menu from its button: its first item takes focus, like any menu.
    items.current[0]?.focus();
    const onPointer = (event: PointerEvent) => {
      if (!wrap.current?.contains(event.target as Node)) setOpen(false);
    };
    window.addEventListener('pointerdown', onPointer);
    return () => window.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };
  const onMenuKey = (event: KeyboardEvent) => {
    const index = items.current.findIndex((item) => item === document.activeElement);
    if (event.key === 'Escape') {
      event.preventDefault();
      close(true);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : ITEMS.length - 1;
      items.current[(index + step) % ITEMS.length]?.focus();
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      items.current[event.key === 'Home' ? 0 : ITEMS.length - 1]?.focus();
    } else if (event.key === 'Tab') {
      close(false);
    }
  };

  return (
    <div className="help-menu" ref={wrap}>
      <button
        ref={button}
        type="button"
        className="icon-button top-icon"
        aria-label="Help"
        title="Help"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        <CircleHelp size={16} aria-hidden="true" />
      </button>
      {open && (
        <div className="menu" role="menu" aria-label="Help" onKeyDown={onMenuKey}>
          {ITEMS.map((item, index) => (
            <button
              key={item.id}
              ref={(element) => {
                items.current[index] = element;
              }}
              type="button"
              role="menuitem"
              className="menu-item"
              tabIndex={-1}
              onClick={() => {
                // Focus goes back to the Help button first, so closing the dialog returns it there.
                close(true);
                item.open();
              }}
            >
              <item.icon size={14} aria-hidden="true" />
              <span>{item.label}</span>
              {item.hint && <kbd aria-hidden="true">{item.hint}</kbd>}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
