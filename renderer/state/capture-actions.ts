import { ApiCallError, call } from '../api/client.js';
import { emptyFilter, type CaptureFilter } from './captures-slice.js';
import { appendOlder, prependNewer } from './list-window.js';
import { useAppStore } from './store.js';

const PAGE_SIZE = 200;
let listRequest = 0;
let detailRequest = 0;

function message(error: unknown): string {
  return error instanceof ApiCallError || error instanceof Error ? error.message : String(error);
}

function listInput(filter: CaptureFilter, keyset: { before?: number; after?: number } = {}) {
  return {
    limit: PAGE_SIZE,
    ...(filter.provider ? { provider: filter.provider } : {}),
    ...(filter.q.trim() ? { q: filter.q.trim() } : {}),
    ...(filter.conversation ? { conversation: filter.conversation } : {}),
    ...(filter.starred ? { starred: true } : {}),
    ...keyset,
  };
}

/** Reloads the first page for the current filter (also after a reconnect). */
export async function reloadCaptures(): Promise<void> {
  const request = ++listRequest;
  const { filter } = useAppStore.getState();
  useAppStore.setState({ capturesLoading: true, capturesError: null });
  try {
    const page = await call('captures.list', listInput(filter));
    if (request !== listRequest) return;
    useAppStore.setState({
      captures: page.items,
      capturesNext: page.next,
      capturesPrev: null,
      capturesLoading: false,
      unseenWhileSearching: 0,
    });
  } catch (error) {
    if (request !== listRequest) return;
    useAppStore.setState({ capturesLoading: false, capturesError: message(error) });
  }
}

/** Appends the next older page (keyset: `before` = the last id loaded); the window drops its top. */
export async function loadMoreCaptures(): Promise<void> {
  const { capturesNext, capturesLoading, filter } = useAppStore.getState();
  if (capturesNext === null || capturesLoading) return;
  const request = listRequest;
  useAppStore.setState({ capturesLoading: true });
  try {
    const page = await call('captures.list', listInput(filter, { before: capturesNext }));
    if (request !== listRequest) return;
    useAppStore.setState((state) => ({
      ...appendOlder(state, page.items, page.next),
      capturesLoading: false,
    }));
  } catch (error) {
    if (request !== listRequest) return;
    useAppStore.setState({ capturesLoading: false, capturesError: message(error) });
  }
}

/** Prepends the next newer page after the window dropped its top (keyset: `after`). */
export async function loadNewerCaptures(): Promise<void> {
  const { capturesPrev, capturesLoading, filter } = useAppStore.getState();
  if (capturesPrev === null || capturesLoading) return;
  const request = listRequest;
  useAppStore.setState({ capturesLoading: true });
  try {
    const page = await call('captures.list', listInput(filter, { after: capturesPrev }));
    if (request !== listRequest) return;
    useAppStore.setState((state) => ({
      ...prependNewer(state, page.items, page.prev ?? null),
      capturesLoading: false,
    }));
  } catch (error) {
    if (request !== listRequest) return;
    useAppStore.setState({ capturesLoading: false, capturesError: message(error) });
  }
}

export function setCaptureFilter(patch: Partial<CaptureFilter>): void {
  useAppStore.setState((state) => ({ filter: { ...state.filter, ...patch } }));
  void reloadCaptures();
}

export function clearCaptureFilter(): void {
  useAppStore.setState({ filter: emptyFilter });
  void reloadCaptures();
}

export async function selectCapture(id: number | null): Promise<void> {
  const request = ++detailRequest;
  useAppStore.setState({
    selectedCaptureId: id,
    detail: id === null ? null : { id, data: null, error: null },
  });
  if (id === null) return;
  try {
    const data = await call('captures.get', { id });
    if (request !== detailRequest) return;
    useAppStore.setState({ detail: { id, data, error: null } });
  } catch (error) {
    if (request !== detailRequest) return;
    useAppStore.setState({ detail: { id, data: null, error: message(error) } });
  }
}

/** Re-reads the open detail (its response may have been recorded since). */
export async function refreshDetail(id: number): Promise<void> {
  const current = useAppStore.getState().detail;
  if (current?.id !== id) return;
  try {
    const data = await call('captures.get', { id });
    if (useAppStore.getState().detail?.id === id) useAppStore.setState({ detail: { id, data, error: null } });
  } catch {
    // Keep what is shown; a deleted capture is handled by its own event.
  }
}

export async function deleteCaptures(ids: number[]): Promise<void> {
  try {
    await call('captures.delete', { ids });
  } catch (error) {
    useAppStore.getState().showToast(`Could not delete: ${message(error)}`, 'error');
  }
}

/** Stars or unstars; the list and the open detail follow the `capture.updated` events. */
export async function starCaptures(ids: number[], starred: boolean): Promise<void> {
  try {
    await call('captures.star', { ids, starred });
  } catch (error) {
    useAppStore.getState().showToast(`Could not ${starred ? 'star' : 'unstar'}: ${message(error)}`, 'error');
  }
}

/**
 * Stars the selected capture, or unstars it (`s`). With captures picked in the list it stars them
 * all, or unstars them when every one is starred already.
 */
export function toggleStarOnSelected(): void {
  const { captures, selectedCaptureId, detail, multiSelection } = useAppStore.getState();
  if (multiSelection.length > 0) {
    const picked = new Set(multiSelection);
    const allStarred = captures.filter((item) => picked.has(item.id)).every((item) => item.starred);
    void starCaptures(multiSelection, !allStarred);
    return;
  }
  if (selectedCaptureId === null) return;
  const starred =
    captures.find((item) => item.id === selectedCaptureId)?.starred ??
    (detail?.id === selectedCaptureId ? detail.data?.starred : undefined);
  if (starred === undefined) return;
  void starCaptures([selectedCaptureId], !starred);
}

/** Saves a capture's note (blank removes it); resolves false when it was refused (already told). */
export async function saveCaptureNote(id: number, note: string): Promise<boolean> {
  try {
    const summary = await call('captures.note', { id, note });
    // The event does the same; applying it now shows the saved note without waiting for it.
    useAppStore.setState((state) => ({
      captures: state.captures.map((item) => (item.id === id ? summary : item)),
      detail:
        state.detail?.id === id && state.detail.data
          ? { ...state.detail, data: { ...state.detail.data, note: summary.note } }
          : state.detail,
    }));
    return true;
  } catch (error) {
    useAppStore.getState().showToast(`Could not save the note: ${message(error)}`, 'error');
    return false;
  }
}

/** Opens the note editor of the selected capture (`n`). */
export function editNoteOfSelected(): void {
  const { selectedCaptureId } = useAppStore.getState();
  if (selectedCaptureId !== null) useAppStore.setState({ editingNote: selectedCaptureId });
}

export function setEditingNote(id: number | null): void {
  useAppStore.setState({ editingNote: id });
}

/** Deletes every capture, or every unstarred one; answers whether it worked (the user was told). */
export async function clearAllCaptures(keepStarred: boolean): Promise<boolean> {
  try {
    const { deleted, kept } = await call('captures.clear', { keepStarred });
    const what = `Deleted ${deleted} capture${deleted === 1 ? '' : 's'}`;
    useAppStore.getState().showToast(kept > 0 ? `${what}; kept ${kept} starred.` : `${what}.`);
    return true;
  } catch (error) {
    useAppStore.getState().showToast(`Could not clear: ${message(error)}`, 'error');
    return false;
  }
}

/** Moves the selection up or down the loaded list (keyboard navigation). */
export function moveSelection(delta: number): void {
  const { captures, selectedCaptureId } = useAppStore.getState();
  if (captures.length === 0) return;
  const index = captures.findIndex((item) => item.id === selectedCaptureId);
  const next = index === -1 ? 0 : Math.max(0, Math.min(captures.length - 1, index + delta));
  const target = captures[next];
  if (target && target.id !== selectedCaptureId) void selectCapture(target.id);
  if (next >= captures.length - 20) void loadMoreCaptures();
  if (next <= 20) void loadNewerCaptures();
}
