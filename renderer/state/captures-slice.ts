import type { CaptureDetail, CaptureSummary } from '../../shared/model/capture.js';
import type { ProviderId } from '../../shared/model/provider.js';
import type { SliceCreator } from './store.js';

export interface CaptureFilter {
  provider: ProviderId | null;
  q: string;
  conversation: string | null;
  /** Only starred captures. */
  starred: boolean;
}

export interface CapturesSlice {
  /**
   * The loaded window of the list, newest first: at most LIST_WINDOW_ROWS contiguous rows. Pages
   * load as the user scrolls either way; rows far outside the view are dropped (see list-window.ts).
   */
  captures: CaptureSummary[];
  /** Keyset for older rows (`before`), or null when the window reaches the oldest capture. */
  capturesNext: number | null;
  /** Keyset for newer rows (`after`), or null when the window starts at the newest capture (live). */
  capturesPrev: number | null;
  capturesLoading: boolean;
  capturesError: string | null;
  filter: CaptureFilter;
  /** Captures that arrived while a search was active (the server decides matches): shown as a banner. */
  unseenWhileSearching: number;
  selectedCaptureId: number | null;
  detail: { id: number; data: CaptureDetail | null; error: string | null } | null;
  /** The capture whose note is being edited in the detail (opened by `n` or the Note button). */
  editingNote: number | null;
}

export const emptyFilter: CaptureFilter = { provider: null, q: '', conversation: null, starred: false };

export const createCapturesSlice: SliceCreator<CapturesSlice> = () => ({
  captures: [],
  capturesNext: null,
  capturesPrev: null,
  capturesLoading: false,
  capturesError: null,
  filter: emptyFilter,
  unseenWhileSearching: 0,
  selectedCaptureId: null,
  detail: null,
  editingNote: null,
});

/** Whether a live capture belongs in the list under this filter without asking the server. */
export function matchesLocally(filter: CaptureFilter, capture: CaptureSummary): boolean | 'unknown' {
  if (filter.provider && capture.provider !== filter.provider) return false;
  if (filter.conversation && capture.conversationKey !== filter.conversation) return false;
  if (filter.starred && !capture.starred) return false;
  if (filter.q.trim() !== '') return 'unknown';
  return true;
}
