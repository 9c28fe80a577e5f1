import type { EventFrame, EventName, EventPayload } from '../../../shared/contract/index.js';

type Listener = (frame: EventFrame) => void;

/** Typed fan-out of server events to WebSocket clients and in-process subscribers. */
export class EventBus {
  private readonly listeners = new Set<Listener>();

  emit<K extends EventName>(event: K, payload: EventPayload<K>): void {
    const frame = { event, payload } as EventFrame;
    for (const listener of this.listeners) {
      try {
        listener(frame);
      } catch {
        // One failing subscriber must not stop the others.
      }
    }
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
