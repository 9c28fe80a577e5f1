import { EVENTS_PROTOCOL, TOKEN_PROTOCOL_PREFIX, type EventFrame } from '../../shared/contract/index.js';
import { RENDERER_PERF_SWITCHES, rendererPerfEnabled } from '../lib/perf-switches.js';
import { EventBatcher } from './event-batcher.js';

/**
 * During a burst (a load test, a replay of thousands of captures) events are applied at most this
 * often; a single event still shows at the next frame. Ten updates a second reads as live, and on a
 * busy machine it is the difference between smooth frames and a stuttering list (BENCHMARKS.md).
 */
export const LIVE_BURST_INTERVAL_MS = 100;

export type ConnectionState = 'connecting' | 'live' | 'reconnecting' | 'unauthorized';

export interface EventStreamHandlers {
  /** Frames received since the last delivery, delivered together on an animation frame (see EventBatcher). */
  onFrames(frames: EventFrame[]): void;
  onState(state: ConnectionState): void;
  /** Called after every (re)connection, so the caller can resynchronise what it may have missed. */
  onReady(): void;
}

/** The `/api/events` WebSocket with reconnect and batched delivery (per animation frame, paced in bursts). */
export function connectEvents(token: string, handlers: EventStreamHandlers): () => void {
  let socket: WebSocket | null = null;
  let stopped = false;
  let attempt = 0;
  let retryTimer: number | undefined;
  const batcher = new EventBatcher<EventFrame>({
    deliver: (frames) => handlers.onFrames(frames),
    burstIntervalMs: rendererPerfEnabled(RENDERER_PERF_SWITCHES.liveBatching) ? LIVE_BURST_INTERVAL_MS : 0,
    now: () => performance.now(),
    requestFrame: (callback) => requestAnimationFrame(callback),
    setTimer: (callback, ms) => window.setTimeout(callback, ms),
    isHidden: () => document.hidden,
  });

  const open = () => {
    handlers.onState(attempt === 0 ? 'connecting' : 'reconnecting');
    const url = `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/api/events`;
    const ws = new WebSocket(url, [EVENTS_PROTOCOL, `${TOKEN_PROTOCOL_PREFIX}${token}`]);
    socket = ws;
    ws.onmessage = (message) => {
      let frame: EventFrame;
      try {
        frame = JSON.parse(String(message.data)) as EventFrame;
      } catch {
        return;
      }
      if (frame.event === 'ready') {
        attempt = 0;
        handlers.onState('live');
        handlers.onReady();
        return;
      }
      batcher.push(frame);
    };
    ws.onclose = (event) => {
      if (stopped) return;
      if (event.code === 4401) {
        handlers.onState('unauthorized');
        return;
      }
      attempt += 1;
      handlers.onState('reconnecting');
      const delay = Math.min(10_000, 300 * 2 ** Math.min(attempt, 6)) * (0.5 + Math.random() / 2);
      retryTimer = window.setTimeout(open, delay);
    };
  };

  open();
  return () => {
    stopped = true;
    window.clearTimeout(retryTimer);
    socket?.close();
  };
}
