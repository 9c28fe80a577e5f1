import { z } from 'zod';
import { CaptureSummary } from '../model/capture.js';
import { TunnelStatus } from '../model/tunnel.js';
import { SettingsSnapshot } from './methods/settings.js';

/** Server → client events on the `/api/events` WebSocket, as `{event, payload}` frames. */
export const events = {
  /** Sent once when the subscription is authenticated and live. */
  ready: z.object({}),
  'capture.added': CaptureSummary,
  /** A capture changed after it was added (its response was sent, it was parsed again, …). */
  'capture.updated': CaptureSummary,
  'captures.deleted': z.object({ ids: z.array(z.number().int()) }),
  'captures.cleared': z.object({}),
  'settings.changed': SettingsSnapshot,
  /** The tunnel's status after every change (state, URL, attempt, warnings…). */
  'tunnel.status': TunnelStatus,
} satisfies Record<string, z.ZodType>;
