import { useCallback, useRef, useState, type ReactNode } from 'react';

const MIN = 300;
const STORAGE_PREFIX = 'convoscope.split.';

function savedWidth(id: string, fallback: number): number {
  const value = Number(localStorage.getItem(`${STORAGE_PREFIX}${id}`));
  return Number.isFinite(value) && value >= MIN ? value : fallback;
}

/**
 * A list | detail layout with a draggable (and keyboard-movable) divider; the width is remembered
 * per view in this browser.
 */
export function SplitPane({
  id,
  left,
  right,
  leftLabel,
  rightLabel,
  defaultWidth = 520,
}: {
  id: string;
  left: ReactNode;
  right: ReactNode;
  leftLabel: string;
  rightLabel: string;
  defaultWidth?: number;
}) {
  const [width, setWidth] = useState(() => savedWidth(id, defaultWidth));
  const container = useRef<HTMLDivElement>(null);
  const commit = useCallback(
    (next: number) => {
      const max = Math.max(MIN, (container.current?.clientWidth ?? 1200) - 360);
      const clamped = Math.round(Math.min(max, Math.max(MIN, next)));
      setWidth(clamped);
      localStorage.setItem(`${STORAGE_PREFIX}${id}`, String(clamped));
    },
    [id],
  );
  const startDrag = (event: React.PointerEvent) => {
    event.preventDefault();
    const origin = container.current?.getBoundingClientRect().left ?? 0;
    const move = (moveEvent: PointerEvent) => commit(moveEvent.clientX - origin);
    const stop = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', stop);
      document.body.classList.remove('resizing');
    };
    document.body.classList.add('resizing');
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', stop);
  };
  return (
    <div className="split" ref={container} style={{ gridTemplateColumns: `${width}px 5px 1fr` }}>
      <section className="list-pane" aria-label={leftLabel}>
        {left}
      </section>
      <div
        className="split-divider"
        role="separator"
        aria-orientation="vertical"
        aria-label={`Resize ${leftLabel.toLowerCase()}`}
        aria-valuenow={width}
        aria-valuemin={MIN}
        tabIndex={0}
        onPointerDown={startDrag}
        onDoubleClick={() => commit(defaultWidth)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowLeft') commit(width - 24);
          else if (event.key === 'ArrowRight') commit(width + 24);
        }}
      />
      <section className="detail-pane" aria-label={rightLabel}>
        {right}
      </section>
    </div>
  );
}
