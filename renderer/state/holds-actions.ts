import type { ResponseSpecInput } from '../../shared/model/endpoint.js';
import type { Hold, HoldResolved } from '../../shared/model/hold.js';
import { ApiCallError, call } from '../api/client.js';
import { toHeldRequest } from './holds-slice.js';
import { useAppStore } from './store.js';

/** How long a "how it ended" note stays in the panel. */
export const ENDED_NOTE_MS = 10_000;
const MAX_ENDED_NOTES = 8;

/** Ids that ended recently: a list answer that crossed their `hold.resolved` must not bring them back. */
const recentlyResolved = new Set<number>();
let listRequest = 0;

function rememberResolved(id: number): void {
  recentlyResolved.add(id);
  if (recentlyResolved.size > 1000) {
    const oldest = recentlyResolved.values().next();
    if (!oldest.done) recentlyResolved.delete(oldest.value);
  }
}

function message(error: unknown): string {
  return error instanceof ApiCallError || error instanceof Error ? error.message : String(error);
}

/** Loads the open holds (at start and after a reconnect, when events may have been missed). */
export async function reloadHolds(): Promise<void> {
  const request = ++listRequest;
  try {
    const list = await call('holds.list', {});
    if (request !== listRequest) return;
    const receivedAt = Date.now();
    useAppStore.setState((state) => {
      const listed = new Set(list.map((hold) => hold.id));
      const newest = list.reduce((max, hold) => Math.max(max, hold.id), 0);
      // Holds announced after the list was made are kept; ones that ended meanwhile are not revived.
      const later = state.holds.filter((entry) => !listed.has(entry.hold.id) && entry.hold.id > newest);
      const fresh = list.filter((hold) => !recentlyResolved.has(hold.id));
      return { holds: [...fresh.map((hold) => toHeldRequest(hold, receivedAt)), ...later] };
    });
  } catch {
    // The connection indicator already says when the core is unreachable; the next ready retries.
  }
}

/** `hold.added`, from the event stream. */
export function holdAdded(hold: Hold): void {
  if (recentlyResolved.has(hold.id)) return;
  useAppStore.setState((state) =>
    state.holds.some((entry) => entry.hold.id === hold.id)
      ? {}
      : { holds: [...state.holds, toHeldRequest(hold)] },
  );
}

/** `hold.resolved`: the hold leaves the queue and a short note says how it ended. */
export function holdResolved(resolved: HoldResolved): void {
  rememberResolved(resolved.id);
  useAppStore.setState((state) => {
    const entry = state.holds.find((item) => item.hold.id === resolved.id);
    return {
      holds: entry ? state.holds.filter((item) => item !== entry) : state.holds,
      endedHolds: [
        { resolved, hold: entry?.hold ?? null },
        ...state.endedHolds.filter((note) => note.resolved.id !== resolved.id),
      ].slice(0, MAX_ENDED_NOTES),
    };
  });
  window.setTimeout(() => dismissEndedHold(resolved.id), ENDED_NOTE_MS);
}

export function dismissEndedHold(id: number): void {
  useAppStore.setState((state) =>
    state.endedHolds.some((note) => note.resolved.id === id)
      ? { endedHolds: state.endedHolds.filter((note) => note.resolved.id !== id) }
      : {},
  );
}

export function setHoldsPanelCollapsed(collapsed: boolean): void {
  useAppStore.setState({ holdsPanelCollapsed: collapsed });
}

async function act(run: () => Promise<unknown>, failure: string): Promise<boolean> {
  try {
    await run();
    return true;
  } catch (error) {
    useAppStore.getState().showToast(`${failure}: ${message(error)}`, 'error');
    return false;
  }
}

/** Answers one held request with exactly this response. */
export function respondToHold(id: number, response: ResponseSpecInput): Promise<boolean> {
  return act(() => call('holds.respond', { id, ...response }), 'Not sent');
}

export function sendHoldFallback(id: number): Promise<boolean> {
  return act(() => call('holds.fallback', { id }), 'Fallback not sent');
}

export function abortHold(id: number): Promise<boolean> {
  return act(() => call('holds.abort', { id }), 'Not aborted');
}

/** The "all" actions, over every open hold. */
export function resolveAllHolds(
  action: { action: 'fallback' } | { action: 'abort' } | { action: 'respond'; response: ResponseSpecInput },
): Promise<boolean> {
  return act(() => call('holds.resolveAll', action), 'Not done');
}
