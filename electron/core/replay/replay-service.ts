import { randomBytes } from 'node:crypto';
import type { EventFrame } from '../../../shared/contract/index.js';
import type {
  PreparedRequest,
  ReplayEdits,
  ReplaySummary,
  ReplayTarget,
  ReplayTargets,
} from '../../../shared/model/replay.js';
import { REPLAY_MARKER_HEADER } from '../../../shared/replay/end-to-end-headers.js';
import { notFound } from '../api/api-error.js';
import type { EventBus } from '../events/event-bus.js';
import type { Log } from '../log.js';
import type { EndpointService } from '../responders/endpoint-service.js';
import type { SettingsService } from '../settings/settings-service.js';
import type { Store } from '../store/store.js';
import { sendRequest } from './http-send.js';
import { prepareReplay, type PrepareContext, type PreparedReplay } from './prepare-request.js';
import { replayMarkerOf } from './replay-marker.js';

const MAX_RECENT_URLS = 8;

export interface StartMeta {
  captureId: number | null;
  kind: 'replay' | 'compose';
  bulkId?: string | null;
  timeoutMs?: number | undefined;
  /** Emit `replay.started` (bulk runs report progress instead). */
  announce?: boolean;
}

export interface StartedReplay {
  summary: ReplaySummary;
  /** Settles when the answer (or failure) is stored; never rejects. */
  done: Promise<ReplaySummary>;
}

export function toPreparedRequest(prepared: PreparedReplay): PreparedRequest {
  return {
    targetKind: prepared.targetKind,
    method: prepared.method,
    url: prepared.url.toString(),
    headers: prepared.headers,
    body: { base64: prepared.body.toString('base64'), size: prepared.body.length, truncated: false },
    edited: prepared.edited,
    signature: prepared.signature,
    warnings: prepared.warnings,
  };
}

/**
 * Sends replays: prepares the exact request, records it before it leaves, sends it with a timeout
 * and a cancel handle, and records the target's answer. Replays to the listener carry a marker
 * header; the capture the listener records for one is linked to it and marked `replay`.
 */
export class ReplayService {
  private readonly running = new Map<number, { controller: AbortController; done: Promise<ReplaySummary> }>();
  /** Marker value → replay id, for replays on their way to the listener. */
  private readonly listenerMarkers = new Map<string, number>();
  private readonly unsubscribe: () => void;

  constructor(
    private readonly deps: {
      store: Store;
      events: EventBus;
      settings: SettingsService;
      endpoints: EndpointService;
      listener: () => { url: string; port: number };
      log: Log;
    },
  ) {
    deps.store.replays.failRunning();
    this.unsubscribe = deps.events.subscribe((frame) => this.onEvent(frame));
  }

  context(): PrepareContext {
    const listener = this.deps.listener();
    return {
      listenerUrl: listener.url,
      listenerPort: listener.port,
      endpointFor: (pathname) => {
        const active = this.deps.endpoints.match(pathname);
        return active ? { prefix: active.endpoint.prefix, target: active.endpoint.target } : null;
      },
      kindlySecret: () => this.deps.settings.secret('kindly.hmacSecret'),
    };
  }

  /** The exact request a replay of this capture would send. */
  prepare(
    captureId: number,
    target: ReplayTarget,
    edits: ReplayEdits | undefined,
    resign: boolean,
  ): PreparedReplay {
    const source = this.deps.store.captures.requestSource(captureId);
    if (!source) throw notFound(`Capture ${captureId}`);
    return prepareReplay(source, target, edits, resign, this.context());
  }

  /** Replays one capture; records the target per endpoint for the next `r`. */
  replayCapture(
    captureId: number,
    target: ReplayTarget,
    edits: ReplayEdits | undefined,
    resign: boolean,
    meta: Omit<StartMeta, 'captureId' | 'kind'> & { remember?: boolean } = {},
  ): StartedReplay {
    const prepared = this.prepare(captureId, target, edits, resign);
    if (meta.remember !== false) this.remember(prepared.endpoint, target);
    return this.start(prepared, { ...meta, captureId, kind: 'replay' });
  }

  /** Records the request, sends it and records the answer. */
  start(prepared: PreparedReplay, meta: StartMeta): StartedReplay {
    const { store, events, settings } = this.deps;
    const timeoutMs = meta.timeoutMs ?? settings.get('replay.timeoutMs');
    const nonce = randomBytes(6).toString('hex');
    const startedAt = Date.now();
    const id = store.replays.insert({
      captureId: meta.captureId,
      bulkId: meta.bulkId ?? null,
      kind: meta.kind,
      endpoint: prepared.endpoint,
      targetKind: prepared.targetKind,
      url: prepared.url.toString(),
      method: prepared.method,
      requestHeaders: prepared.headers,
      requestBody: prepared.bodyUnchanged && meta.captureId !== null ? null : prepared.body,
      requestSize: prepared.body.length,
      edited: prepared.edited,
      signature: prepared.signature,
      timeoutMs,
      startedAt,
    });
    const headers = [...prepared.headers];
    if (prepared.toListener) {
      const marker = `${id}.${nonce}`;
      headers.push([REPLAY_MARKER_HEADER, marker]);
      this.listenerMarkers.set(marker, id);
    }
    const summary = store.replays.summary(id);
    if (!summary) throw new Error(`Replay ${id} vanished after insert`);
    if (meta.announce !== false) events.emit('replay.started', summary);

    const controller = new AbortController();
    const done = sendRequest(
      { method: prepared.method, url: prepared.url, headers, body: prepared.body },
      { timeoutMs, signal: controller.signal, storeLimit: settings.get('listener.maxBodyBytes') },
    ).then((result) => {
      this.running.delete(id);
      for (const [marker, replayId] of this.listenerMarkers)
        if (replayId === id) this.listenerMarkers.delete(marker);
      try {
        store.replays.finish(id, {
          state: result.cancelled ? 'cancelled' : result.error ? 'failed' : 'ok',
          status: result.status,
          headers: result.headers,
          body: result.body,
          size: result.size,
          truncated: result.truncated,
          durationMs: result.durationMs,
          error: result.error,
        });
      } catch (error) {
        this.deps.log(
          `Could not store replay ${id}: ${error instanceof Error ? error.message : String(error)}`,
        );
        return { ...summary, state: 'failed' as const, error: 'Could not be stored' };
      }
      const finished = store.replays.summary(id) ?? summary;
      events.emit('replay.finished', finished);
      return finished;
    });
    this.running.set(id, { controller, done });
    return { summary, done };
  }

  /** Cancels a running replay; false when it is not running. */
  cancel(id: number): boolean {
    const entry = this.running.get(id);
    if (!entry) return false;
    entry.controller.abort();
    return true;
  }

  targetsFor(captureId: number): ReplayTargets {
    const source = this.deps.store.captures.requestSource(captureId);
    if (!source) throw notFound(`Capture ${captureId}`);
    const context = this.context();
    const endpoint = context.endpointFor(source.path.split('?')[0] ?? source.path);
    const stored = this.deps.store.replays.target(endpoint?.prefix ?? '');
    const fallback: ReplayTarget = endpoint?.target ? { kind: 'forward' } : { kind: 'listener' };
    let last = stored?.last ?? fallback;
    if (last.kind === 'forward' && !endpoint?.target) last = { kind: 'listener' };
    return {
      endpoint: endpoint?.prefix ?? null,
      last,
      forwardTarget: endpoint?.target ?? null,
      listenerUrl: `${context.listenerUrl}${source.path}`,
      recentUrls: stored?.recentUrls ?? [],
    };
  }

  remember(endpoint: string | null, target: ReplayTarget): void {
    const key = endpoint ?? '';
    const stored = this.deps.store.replays.target(key);
    let recent = stored?.recentUrls ?? [];
    if (target.kind === 'url')
      recent = [target.url, ...recent.filter((url) => url !== target.url)].slice(0, MAX_RECENT_URLS);
    this.deps.store.replays.rememberTarget(key, target, recent);
  }

  /** Cancels everything in flight and waits until each outcome is stored. */
  async close(): Promise<void> {
    this.unsubscribe();
    const pending = [...this.running.values()];
    for (const entry of pending) entry.controller.abort();
    await Promise.allSettled(pending.map((entry) => entry.done));
  }

  private onEvent(frame: EventFrame): void {
    if (frame.event !== 'capture.added' || this.listenerMarkers.size === 0) return;
    const capture = (frame as EventFrame<'capture.added'>).payload;
    const source = this.deps.store.captures.requestSource(capture.id);
    const marker = source ? replayMarkerOf(source.headers) : undefined;
    const replayId = marker === undefined ? undefined : this.listenerMarkers.get(marker.trim());
    if (replayId === undefined) return;
    try {
      this.deps.store.replays.linkListenerCapture(replayId, capture.id);
      this.deps.store.captures.setOrigin(capture.id, 'replay');
    } catch (error) {
      this.deps.log(
        `Could not link replay ${replayId}: ${error instanceof Error ? error.message : String(error)}`,
      );
      return;
    }
    const updated = this.deps.store.captures.summary(capture.id);
    if (updated) this.deps.events.emit('capture.updated', updated);
  }
}
