import { EVENTS_PROTOCOL, TOKEN_PROTOCOL_PREFIX, type EventFrame } from '../../shared/contract/index.js';

export type ConnectionState = 'connecting' | 'live' | 'reconnecting' | 'unauthorized';

export interface EventStreamHandlers {
  /** Frames received during one animation frame, delivered together (bursts stay cheap). */
  onFrames(frames: EventFrame[]): void;
  onState(state: ConnectionState): void;
  /** Called after every (re)connection, so the caller can resynchronise what it may have missed. */
  onReady(): void;
}

/** The `/api/events` WebSocket with reconnect and per-animation-frame batching. */
export function connectEvents(token: string, handlers: EventStreamHandlers): () => void {
  let socket: WebSocket | null = null;
  let stopped = false;
  let attempt = 0;
  let retryTimer: number | undefined;
  let queue: EventFrame[] = [];
  let frameRequested = false;

  const flush = () => {
    frameRequested = false;
    const frames = queue;
    queue = [];
    if (frames.length > 0) handlers.onFrames(frames);
  };

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
      queue.push(frame);
      if (!frameRequested) {
        frameRequested = true;
        // rAF does not run in a hidden tab; a timeout keeps the queue bounded there.
        if (document.hidden) setTimeout(flush, 250);
        else requestAnimationFrame(flush);
      }
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
