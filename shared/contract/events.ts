import { z } from 'zod';
import { ApiCall } from '../model/api-call.js';
import { CaptureSummary } from '../model/capture.js';
import { ConversationSummary } from '../model/conversation.js';
import { Message } from '../model/message.js';
import { Endpoint } from '../model/endpoint.js';
import { AppHealth } from '../model/health.js';
import { Hold, HoldResolved } from '../model/hold.js';
import { BulkProgress, ReplaySummary } from '../model/replay.js';
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
  /** `captures.clear` ran; with `keptStarred` the starred captures remain (reload the list). */
  'captures.cleared': z.object({ keptStarred: z.boolean().optional() }),
  'settings.changed': SettingsSnapshot,
  /** A message the app sent (a reply, an auto-reply, an operator action) entered a thread. */
  'message.added': Message,
  /** A sent message changed: API answered, failed, retried, or its echo arrived (`delivered`). */
  'message.updated': Message,
  /** A conversation's summary changed (new message, state, delivery). */
  'conversation.updated': ConversationSummary,
  /** An outgoing Dashly Web API call was recorded (see `dashly.calls`). */
  'dashly.call.added': ApiCall,
  /** The endpoint list after a save, rename or delete. */
  'endpoints.changed': z.object({ endpoints: z.array(Endpoint) }),
  /** A request is now held for the operator. */
  'hold.added': Hold,
  /** A hold ended: answered by the operator, by its fallback, aborted, or the sender went away. */
  'hold.resolved': HoldResolved,
  /** The tunnel's status after every change (state, URL, attempt, warnings…). */
  'tunnel.status': TunnelStatus,
  /** A replay (or composed request) was recorded and is on its way. Bulk members are not announced. */
  'replay.started': ReplaySummary,
  /** A replay ended: answered (`ok`), failed or cancelled. */
  'replay.finished': ReplaySummary,
  /** A bulk replay's counters, at most every 250 ms while it runs. */
  'replay.bulk.progress': BulkProgress,
  /** A bulk replay ended (done or cancelled): its summary. */
  'replay.bulk.finished': BulkProgress,
  /** The store's health changed (a write failed or succeeded again), or a notice was added. */
  'app.health': AppHealth,
} satisfies Record<string, z.ZodType>;
