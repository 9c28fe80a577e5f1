import type { Endpoint, EndpointInput } from '../../shared/model/endpoint.js';
import { ApiCallError, call } from '../api/client.js';
import type { FieldProblem } from '../lib/field-problems.js';
import { useAppStore } from './store.js';

export type SaveResult =
  { ok: true; endpoint: Endpoint } | { ok: false; message: string; problems: FieldProblem[] };

function message(error: unknown): string {
  return error instanceof ApiCallError || error instanceof Error ? error.message : String(error);
}

/**
 * The fields an API error names: the core's own checks send `details.problems` (`{path, message}`),
 * the contract's shape checks send `details.issues` (`{path: string[], message}`).
 */
export function problemsOf(error: unknown): FieldProblem[] {
  if (!(error instanceof ApiCallError) || typeof error.details !== 'object' || error.details === null)
    return [];
  const details = error.details as { problems?: unknown; issues?: unknown };
  const out: FieldProblem[] = [];
  if (Array.isArray(details.problems))
    for (const item of details.problems as { path?: unknown; message?: unknown }[])
      if (typeof item.path === 'string' && typeof item.message === 'string')
        out.push({ path: item.path, message: item.message });
  if (Array.isArray(details.issues))
    for (const item of details.issues as { path?: unknown; message?: unknown }[])
      if (Array.isArray(item.path) && typeof item.message === 'string')
        out.push({ path: item.path.map(String).join('.'), message: item.message });
  return out;
}

/** Refreshes the listener facts (endpoint URLs, local and public) shown beside endpoints. */
export async function refreshAppInfo(): Promise<void> {
  try {
    const appInfo = await call('app.info', {});
    useAppStore.setState({ appInfo });
  } catch {
    // Keep what is shown.
  }
}

export async function reloadEndpoints(): Promise<void> {
  try {
    const endpoints = await call('endpoints.list', {});
    useAppStore.setState({ endpoints, endpointsError: null });
  } catch (error) {
    useAppStore.setState({ endpointsError: message(error) });
  }
}

/** `endpoints.changed`, from the event stream. */
export function endpointsChanged(endpoints: Endpoint[]): void {
  useAppStore.setState((state) => ({
    endpoints,
    selectedEndpoint:
      state.selectedEndpoint !== null && !endpoints.some((item) => item.prefix === state.selectedEndpoint)
        ? null
        : state.selectedEndpoint,
  }));
  void refreshAppInfo();
}

export function selectEndpoint(prefix: string | null): void {
  useAppStore.setState({ selectedEndpoint: prefix });
}

export async function saveEndpoint(input: EndpointInput): Promise<SaveResult> {
  try {
    const endpoint = await call('endpoints.save', input);
    // The event will say the same; applying it now lets the editor show the saved state at once.
    useAppStore.setState((state) => {
      const others = (state.endpoints ?? []).filter(
        (item) => item.prefix !== endpoint.prefix && item.prefix !== input.previousPrefix,
      );
      return {
        endpoints: [...others, endpoint].sort((a, b) =>
          a.prefix < b.prefix ? -1 : a.prefix > b.prefix ? 1 : 0,
        ),
        selectedEndpoint: endpoint.prefix,
      };
    });
    void refreshAppInfo();
    return { ok: true, endpoint };
  } catch (error) {
    return { ok: false, message: message(error), problems: problemsOf(error) };
  }
}

export async function deleteEndpoint(prefix: string): Promise<boolean> {
  try {
    const { answeredHolds } = await call('endpoints.delete', { prefix });
    useAppStore
      .getState()
      .showToast(
        `Deleted ${prefix}.${answeredHolds > 0 ? ` ${answeredHolds} held request${answeredHolds === 1 ? ' was' : 's were'} answered with the fallback.` : ''}`,
      );
    return true;
  } catch (error) {
    useAppStore.getState().showToast(`Not deleted: ${message(error)}`, 'error');
    return false;
  }
}

/** Selects the endpoint above or below the selected one (keyboard navigation). */
export function moveEndpointSelection(delta: number): void {
  const { endpoints, selectedEndpoint } = useAppStore.getState();
  if (!endpoints?.length) return;
  const index = endpoints.findIndex((item) => item.prefix === selectedEndpoint);
  const next = index === -1 ? 0 : Math.max(0, Math.min(endpoints.length - 1, index + delta));
  const target = endpoints[next];
  if (target && next !== index) selectEndpoint(target.prefix);
}
