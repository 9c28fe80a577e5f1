import type { DiffSideInput } from '../../shared/contract/methods/compose.js';
import type { BulkProgress, ReplayEdits, ReplaySummary, ReplayTarget } from '../../shared/model/replay.js';
import { ApiCallError, call } from '../api/client.js';
import type { ComposeSeed } from './replay-slice.js';
import { useAppStore } from './store.js';

function message(error: unknown): string {
  return error instanceof ApiCallError || error instanceof Error ? error.message : String(error);
}

function toast(text: string, tone: 'info' | 'error' = 'info'): void {
  useAppStore.getState().showToast(text, tone);
}

export function describeTarget(target: ReplayTarget, forwardTarget?: string | null): string {
  if (target.kind === 'listener') return 'the listener';
  if (target.kind === 'forward') return forwardTarget ? hostOf(forwardTarget) : 'the forward target';
  return hostOf(target.url);
}

export function hostOf(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname}`;
  } catch {
    return url;
  }
}

// ---- Replays of the open capture ----

let replaysRequest = 0;

export async function loadCaptureReplays(captureId: number): Promise<void> {
  const request = ++replaysRequest;
  try {
    const page = await call('replays.list', { captureId, limit: 50 });
    if (request !== replaysRequest) return;
    // Events may have arrived while the page was on its way: what they said wins.
    const current = useAppStore.getState().captureReplays;
    const live = current?.captureId === captureId ? current.items : [];
    const newest = page.items[0]?.id ?? 0;
    const items = [
      ...live.filter((item) => item.id > newest),
      ...page.items.map((item) =>
        latest(
          live.find((known) => known.id === item.id),
          item,
        ),
      ),
    ];
    useAppStore.setState({ captureReplays: { captureId, items, next: page.next } });
  } catch (error) {
    if (request === replaysRequest) toast(`Could not load replays: ${message(error)}`, 'error');
  }
}

/** The next page of the open capture's replays. */
export async function loadMoreReplays(): Promise<void> {
  const current = useAppStore.getState().captureReplays;
  if (!current || current.next === null) return;
  try {
    const page = await call('replays.list', {
      captureId: current.captureId,
      limit: 50,
      before: current.next,
    });
    const now = useAppStore.getState().captureReplays;
    if (now?.captureId !== current.captureId) return;
    const known = new Set(now.items.map((item) => item.id));
    useAppStore.setState({
      captureReplays: {
        ...now,
        items: [...now.items, ...page.items.filter((item) => !known.has(item.id))],
        next: page.next,
      },
    });
  } catch (error) {
    toast(`Could not load replays: ${message(error)}`, 'error');
  }
}

/**
 * Of two views of one replay, the later one: a replay only ever goes from running to ended, and
 * its `replay.finished` event can overtake the answer of the call that started it.
 */
function latest(known: ReplaySummary | undefined, incoming: ReplaySummary): ReplaySummary {
  return known && known.state !== 'running' && incoming.state === 'running' ? known : incoming;
}

function upsert(items: ReplaySummary[], replay: ReplaySummary): ReplaySummary[] {
  const index = items.findIndex((item) => item.id === replay.id);
  return index === -1
    ? [replay, ...items]
    : items.map((item) => (item.id === replay.id ? latest(item, replay) : item));
}

/** Live replay events: the open capture's list changes in place. */
export function applyReplayEvents(replays: ReplaySummary[]): void {
  const composed = replays.filter((replay) => replay.kind === 'compose');
  if (composed.length) {
    useAppStore.setState((state) => {
      let items = state.composedReplays;
      for (const replay of composed) {
        const index = items.findIndex((item) => item.id === replay.id);
        items =
          index === -1 ? [replay, ...items] : items.map((item) => (item.id === replay.id ? replay : item));
      }
      return { composedReplays: items.slice(0, 30) };
    });
  }
  const current = useAppStore.getState().captureReplays;
  if (!current) return;
  let items = current.items;
  let changed = false;
  for (const replay of replays) {
    if (replay.captureId !== current.captureId) continue;
    changed = true;
    items = upsert(items, replay);
  }
  if (changed) useAppStore.setState({ captureReplays: { ...current, items } });
}

export function applyBulkProgress(progress: BulkProgress): void {
  const current = useAppStore.getState().bulk;
  // A late progress frame never overwrites the final summary of the same run.
  if (current?.bulkId === progress.bulkId && current.state !== 'running' && progress.state === 'running')
    return;
  if (
    current &&
    current.bulkId !== progress.bulkId &&
    current.state === 'running' &&
    progress.state !== 'running'
  )
    return;
  useAppStore.setState({ bulk: progress });
}

/** Sends a replay without waiting for it; the answer arrives as `replay.finished`. */
export async function startReplay(
  captureId: number,
  target: ReplayTarget,
  options: { edits?: ReplayEdits; resign?: boolean; timeoutMs?: number } = {},
): Promise<ReplaySummary | null> {
  try {
    const replay = await call('captures.replay', {
      id: captureId,
      target,
      wait: false,
      ...(options.edits ? { edits: options.edits } : {}),
      ...(options.resign === undefined ? {} : { resign: options.resign }),
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    });
    applyReplayEvents([replay]);
    useAppStore.setState({ expandedReplay: replay.id, replayTabRequest: { captureId, at: Date.now() } });
    return replay;
  } catch (error) {
    toast(`Replay failed: ${message(error)}`, 'error');
    return null;
  }
}

/** `r` and the Replay button: the capture to the last target used for its endpoint. */
export async function replayToLastTarget(captureId: number): Promise<void> {
  try {
    const targets = await call('replays.targets', { captureId });
    const started = await startReplay(captureId, targets.last);
    if (started) toast(`Replaying #${captureId} to ${describeTarget(targets.last, targets.forwardTarget)}…`);
  } catch (error) {
    toast(`Replay failed: ${message(error)}`, 'error');
  }
}

export async function cancelReplay(id: number): Promise<void> {
  try {
    await call('replays.cancel', { id });
  } catch (error) {
    toast(`Could not cancel: ${message(error)}`, 'error');
  }
}

export function openReplayEditor(captureId: number): void {
  useAppStore.setState({ replayEditorFor: captureId });
}

export function closeReplayEditor(): void {
  useAppStore.setState({ replayEditorFor: null });
}

// ---- Multi-selection in the capture list ----

/** Ctrl/Cmd-click toggles one row, Shift-click selects the range from the anchor. */
export function extendSelection(id: number, mode: 'toggle' | 'range'): void {
  const { multiSelection, selectionAnchor, selectedCaptureId, captures } = useAppStore.getState();
  const anchor = selectionAnchor ?? selectedCaptureId;
  if (mode === 'range' && anchor !== null) {
    const from = captures.findIndex((item) => item.id === anchor);
    const to = captures.findIndex((item) => item.id === id);
    if (from !== -1 && to !== -1) {
      const [start, end] = from < to ? [from, to] : [to, from];
      const range = captures.slice(start, end + 1).map((item) => item.id);
      useAppStore.setState({
        multiSelection: [...new Set([...multiSelection, ...range])],
        selectionAnchor: anchor,
      });
      return;
    }
  }
  const base =
    multiSelection.length === 0 && selectedCaptureId !== null && selectedCaptureId !== id
      ? [selectedCaptureId]
      : multiSelection;
  const next = base.includes(id) ? base.filter((item) => item !== id) : [...base, id];
  useAppStore.setState({ multiSelection: next, selectionAnchor: id });
}

export function clearSelection(): void {
  useAppStore.setState({ multiSelection: [], selectionAnchor: null });
}

// ---- Bulk ----

export function openBulkDialog(): void {
  useAppStore.setState({ bulkDialogOpen: true });
}

export async function startBulk(input: {
  ids: number[] | null;
  target: ReplayTarget;
  concurrency: number;
  resign: boolean;
  timeoutMs?: number;
}): Promise<boolean> {
  const { filter } = useAppStore.getState();
  try {
    const progress = await call('replays.bulk', {
      target: input.target,
      concurrency: input.concurrency,
      resign: input.resign,
      ...(input.timeoutMs ? { timeoutMs: input.timeoutMs } : {}),
      ...(input.ids
        ? { ids: input.ids }
        : {
            filter: {
              ...(filter.provider ? { provider: filter.provider } : {}),
              ...(filter.q.trim() ? { q: filter.q.trim() } : {}),
              ...(filter.conversation ? { conversation: filter.conversation } : {}),
              ...(filter.starred ? { starred: true } : {}),
            },
          }),
    });
    useAppStore.setState({ bulk: progress, bulkDialogOpen: false });
    return true;
  } catch (error) {
    toast(`Bulk replay not started: ${message(error)}`, 'error');
    return false;
  }
}

export async function cancelBulk(bulkId: string): Promise<void> {
  try {
    const progress = await call('replays.bulkCancel', { bulkId });
    useAppStore.setState({ bulk: progress });
  } catch (error) {
    toast(`Could not cancel: ${message(error)}`, 'error');
  }
}

// ---- Diff and compose ----

export async function loadComposedReplays(): Promise<void> {
  try {
    const page = await call('replays.list', { limit: 100 });
    useAppStore.setState((state) => ({
      composedReplays: page.items
        .filter((item) => item.kind === 'compose')
        .slice(0, 30)
        .map((item) =>
          latest(
            state.composedReplays.find((known) => known.id === item.id),
            item,
          ),
        ),
    }));
  } catch {
    // The list fills from events anyway.
  }
}

export function openDiff(a: DiffSideInput, b: DiffSideInput): void {
  useAppStore.setState({ diffSides: { a, b } });
  useAppStore.getState().setView('diff');
}

let seedId = 0;

export function openCompose(seed: Omit<ComposeSeed, 'id'>): void {
  useAppStore.setState({ composeSeed: { ...seed, id: ++seedId } });
  useAppStore.getState().setView('compose');
}

// ---- Files ----

/** Saves text or bytes as a file download (the browser's own save). */
export function downloadFile(name: string, parts: BlobPart[], type: string): void {
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function base64ToBlobPart(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
