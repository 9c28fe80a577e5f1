import type { z } from 'zod';
import { events } from './events.js';
import { methods } from './methods/index.js';

export { methods, events };
export * from './errors.js';

export type Methods = typeof methods;
export type MethodName = keyof Methods;
/** What a caller may send (defaults not yet applied). */
export type MethodInput<K extends MethodName> = z.input<Methods[K]['input']>;
/** What a handler receives (validated, defaults applied). */
export type MethodParams<K extends MethodName> = z.output<Methods[K]['input']>;
export type MethodOutput<K extends MethodName> = z.output<Methods[K]['output']>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<K extends EventName> = z.output<Events[K]>;
export interface EventFrame<K extends EventName = EventName> {
  event: K;
  payload: EventPayload<K>;
}

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(methods, name);
}

/** WebSocket subprotocols: the first names the protocol, the second carries the token (browsers cannot set headers). */
export const EVENTS_PROTOCOL = 'convoscope.v1';
export const TOKEN_PROTOCOL_PREFIX = 'bearer.';
