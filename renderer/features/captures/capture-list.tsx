import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef } from 'react';
import {
  loadMoreCaptures,
  moveSelection,
  reloadCaptures,
  selectCapture,
} from '../../state/capture-actions.js';
import { useAppStore } from '../../state/store.js';
import { clearSelection, extendSelection } from '../../state/replay-actions.js';
import { CAPTURE_ROW_HEIGHT, CaptureRow, type RowSelectMode } from './capture-row.js';
import { EmptyState } from './empty-state.js';

/** The live, virtualized list: only visible rows are in the DOM, more pages load near the end. */
export function CaptureList() {
  const captures = useAppStore((state) => state.captures);
  const selectedId = useAppStore((state) => state.selectedCaptureId);
  const loading = useAppStore((state) => state.capturesLoading);
  const error = useAppStore((state) => state.capturesError);
  const hasMore = useAppStore((state) => state.capturesNext !== null);
  const filterActive = useAppStore(
    (state) =>
      state.filter.provider !== null ||
      state.filter.q !== '' ||
      state.filter.conversation !== null ||
      state.filter.starred,
  );
  const unseen = useAppStore((state) => state.unseenWhileSearching);
  const scrollRef = useRef<HTMLDivElement>(null);
  const firstIdRef = useRef<number | null>(null);

  // TanStack Virtual re-renders through its own subscription; the compiler need not memoize it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: captures.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => CAPTURE_ROW_HEIGHT,
    overscan: 12,
    getItemKey: (index) => captures[index]?.id ?? index,
  });

  // New rows arrive at the top: if the user has scrolled down, keep what they look at in place.
  useEffect(() => {
    const element = scrollRef.current;
    const previousFirst = firstIdRef.current;
    firstIdRef.current = captures[0]?.id ?? null;
    if (!element || previousFirst === null || element.scrollTop < CAPTURE_ROW_HEIGHT / 2) return;
    const shift = captures.findIndex((item) => item.id === previousFirst);
    if (shift > 0) element.scrollTop += shift * CAPTURE_ROW_HEIGHT;
  }, [captures]);

  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? 0;
  useEffect(() => {
    if (hasMore && lastIndex >= captures.length - 30) void loadMoreCaptures();
  }, [lastIndex, captures.length, hasMore]);

  // Keep the selected row visible when moving with the keyboard.
  useEffect(() => {
    if (selectedId === null) return;
    const index = captures.findIndex((item) => item.id === selectedId);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selectedId]);

  const picked = useAppStore((state) => state.multiSelection);
  const onSelect = useCallback((id: number, mode: RowSelectMode) => {
    if (mode === 'single') {
      clearSelection();
      void selectCapture(id);
    } else extendSelection(id, mode);
  }, []);

  if (captures.length === 0 && !loading && !error) {
    return filterActive ? <div className="list-empty">No captures match this filter.</div> : <EmptyState />;
  }

  return (
    <div className="capture-list-wrap">
      {unseen > 0 && (
        <button type="button" className="new-banner" onClick={() => void reloadCaptures()}>
          {unseen} new capture{unseen === 1 ? '' : 's'} — refresh search
        </button>
      )}
      {error && (
        <div className="inline-error" role="alert">
          {error}{' '}
          <button type="button" className="link-button" onClick={() => void reloadCaptures()}>
            Retry
          </button>
        </div>
      )}
      <div
        ref={scrollRef}
        className="capture-list"
        role="listbox"
        tabIndex={0}
        aria-label="Captured requests, newest first"
        aria-multiselectable="true"
        aria-activedescendant={selectedId !== null ? `capture-${selectedId}` : undefined}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            moveSelection(1);
          } else if (event.key === 'ArrowUp') {
            event.preventDefault();
            moveSelection(-1);
          }
        }}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((row) => {
            const capture = captures[row.index];
            if (!capture) return null;
            return (
              <div
                key={row.key}
                className="virtual-row"
                style={{ transform: `translateY(${row.start}px)`, height: row.size }}
              >
                <CaptureRow
                  capture={capture}
                  selected={capture.id === selectedId}
                  picked={picked.includes(capture.id)}
                  onSelect={onSelect}
                />
              </div>
            );
          })}
        </div>
        {loading && <div className="list-loading">Loading…</div>}
      </div>
    </div>
  );
}
