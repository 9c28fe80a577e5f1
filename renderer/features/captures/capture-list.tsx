import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import type { CaptureSummary } from '../../../shared/model/capture.js';
import {
  loadMoreCaptures,
  loadNewerCaptures,
  moveSelection,
  reloadCaptures,
  selectCapture,
} from '../../state/capture-actions.js';
import { useAppStore } from '../../state/store.js';
import { clearSelection, extendSelection } from '../../state/replay-actions.js';
import { CAPTURE_ROW_HEIGHT, CaptureRow, type RowSelectMode } from './capture-row.js';
import { RENDERER_PERF_SWITCHES, rendererPerfEnabled } from '../../lib/perf-switches.js';
import { EmptyState } from './empty-state.js';

/**
 * The live, virtualized list: only visible rows are in the DOM. The store holds a bounded window of
 * rows (list-window.ts); pages load near either end of it, and whenever rows come or go above the
 * view, the row the user looks at stays exactly where it was.
 */
const useCachedOffset = rendererPerfEnabled(RENDERER_PERF_SWITCHES.cachedScrollOffset);

export function CaptureList() {
  const captures = useAppStore((state) => state.captures);
  const selectedId = useAppStore((state) => state.selectedCaptureId);
  const loading = useAppStore((state) => state.capturesLoading);
  const error = useAppStore((state) => state.capturesError);
  const hasMore = useAppStore((state) => state.capturesNext !== null);
  const hasNewer = useAppStore((state) => state.capturesPrev !== null);
  const filterActive = useAppStore(
    (state) =>
      state.filter.provider !== null ||
      state.filter.q !== '' ||
      state.filter.conversation !== null ||
      state.filter.starred,
  );
  const unseen = useAppStore((state) => state.unseenWhileSearching);
  const scrollRef = useRef<HTMLDivElement>(null);
  const previousRef = useRef<CaptureSummary[]>(captures);

  // TanStack Virtual re-renders through its own subscription; the compiler need not memoize it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: captures.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => CAPTURE_ROW_HEIGHT,
    overscan: 12,
    getItemKey: (index) => captures[index]?.id ?? index,
  });

  // Rows arrive or leave above the view (live captures, a newer page, the window dropping its top):
  // keep the first visible row in place, before the browser paints. At the very top of a live list,
  // new rows simply show.
  useLayoutEffect(() => {
    const element = scrollRef.current;
    const previous = previousRef.current;
    previousRef.current = captures;
    if (!element || previous === captures || previous.length === 0) return;
    // The virtualizer's offset (kept from scroll events) answers "at the live top?" without reading
    // scrollTop, which would force a layout in the middle of every live update.
    const offset = useCachedOffset ? (virtualizer.scrollOffset ?? element.scrollTop) : element.scrollTop;
    const atLiveTop = offset < CAPTURE_ROW_HEIGHT / 2 && !hasNewer;
    if (atLiveTop) return;
    const index = Math.min(previous.length - 1, Math.floor(element.scrollTop / CAPTURE_ROW_HEIGHT));
    const anchor = previous[index];
    if (!anchor || captures[index]?.id === anchor.id) return;
    const moved = captures.findIndex((item) => item.id === anchor.id);
    if (moved >= 0) element.scrollTop += (moved - index) * CAPTURE_ROW_HEIGHT;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the virtualizer is stable
  }, [captures, hasNewer]);

  const items = virtualizer.getVirtualItems();
  const firstIndex = items[0]?.index ?? 0;
  const lastIndex = items.at(-1)?.index ?? 0;
  useEffect(() => {
    if (hasMore && lastIndex >= captures.length - 30) void loadMoreCaptures();
    else if (hasNewer && firstIndex <= 30) void loadNewerCaptures();
  }, [firstIndex, lastIndex, captures.length, hasMore, hasNewer]);

  // Keep the selected row visible when moving with the keyboard.
  useEffect(() => {
    if (selectedId === null) return;
    const index = captures.findIndex((item) => item.id === selectedId);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selectedId]);

  const picked = useAppStore((state) => state.multiSelection);
  // A set: each visible row asks, and a selection can hold thousands of ids.
  const pickedIds = useMemo(() => new Set(picked), [picked]);
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
                  picked={pickedIds.has(capture.id)}
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
