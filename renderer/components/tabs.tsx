import type { ReactNode } from 'react';

export interface TabItem<T extends string> {
  id: T;
  label: ReactNode;
  disabled?: boolean;
}

/** An accessible tab strip (arrow keys move between tabs). */
export function Tabs<T extends string>({
  items,
  active,
  onChange,
  label,
}: {
  items: TabItem<T>[];
  active: T;
  onChange: (id: T) => void;
  label: string;
}) {
  const enabled = items.filter((item) => !item.disabled);
  return (
    <div
      className="tabs"
      role="tablist"
      aria-label={label}
      onKeyDown={(event) => {
        if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
        const index = enabled.findIndex((item) => item.id === active);
        const next =
          enabled[(index + (event.key === 'ArrowRight' ? 1 : enabled.length - 1)) % enabled.length];
        if (!next) return;
        onChange(next.id);
        // Focus follows the selection (the tab pattern): the old tab leaves the Tab order.
        const strip = event.currentTarget;
        const target = [...strip.querySelectorAll<HTMLElement>('[role="tab"]')].find(
          (tab) => tab.dataset.tabId === next.id,
        );
        target?.focus();
      }}
    >
      {items.map((item) => (
        <button
          key={item.id}
          type="button"
          role="tab"
          aria-selected={item.id === active}
          tabIndex={item.id === active ? 0 : -1}
          data-tab-id={item.id}
          disabled={item.disabled}
          className={`tab ${item.id === active ? 'tab-active' : ''}`}
          onClick={() => onChange(item.id)}
        >
          {item.label}
        </button>
      ))}
    </div>
  );
}
