import type { DiffSideInput } from '../../shared/contract/methods/compose.js';
import type { BulkProgress, ReplaySummary } from '../../shared/model/replay.js';
import type { SliceCreator } from './store.js';

/** A request for the Compose view, e.g. from a pasted cURL command. */
export interface ComposeSeed {
  id: number;
  method: string;
  url: string;
  path: string;
  headers: [string, string][];
  bodyBase64: string;
  warnings: string[];
}

export interface ReplaySlice {
  /** Captures picked with Ctrl/Cmd- or Shift-click, for bulk replay, export and diff. */
  multiSelection: number[];
  selectionAnchor: number | null;
  /** The capture whose Edit & replay dialog is open. */
  replayEditorFor: number | null;
  /** Replays of the open capture, newest first. */
  captureReplays: { captureId: number; items: ReplaySummary[]; next: number | null } | null;
  /** Which replay of the open capture is expanded. */
  expandedReplay: number | null;
  /** The bulk run shown in the list pane (running, or its summary until dismissed). */
  bulk: BulkProgress | null;
  bulkDialogOpen: boolean;
  shareDialog: 'export' | 'import' | null;
  /** What the Diff view compares. */
  diffSides: { a: DiffSideInput; b: DiffSideInput } | null;
  composeSeed: ComposeSeed | null;
  /** Composed requests sent from the Compose view, newest first (kept live by events). */
  composedReplays: ReplaySummary[];
  /** Asks the capture detail to show its Replays tab (set when a replay starts). */
  replayTabRequest: { captureId: number; at: number } | null;
}

export const createReplaySlice: SliceCreator<ReplaySlice> = () => ({
  multiSelection: [],
  selectionAnchor: null,
  replayEditorFor: null,
  captureReplays: null,
  expandedReplay: null,
  bulk: null,
  bulkDialogOpen: false,
  shareDialog: null,
  diffSides: null,
  composeSeed: null,
  replayTabRequest: null,
  composedReplays: [],
});
