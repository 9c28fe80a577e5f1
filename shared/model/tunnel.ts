import { z } from 'zod';
import { ProviderId } from './provider.js';

/**
 * `off`: not started. `connecting`: the first try after a start. `online`: the public URL works.
 * `reconnecting`: it dropped or a try failed; the next try is at `nextRetryAt` (null while trying).
 * `error`: it cannot work without a change from the user (see `error`); nothing is retried.
 */
export const TunnelState = z.enum(['off', 'connecting', 'online', 'reconnecting', 'error']);
export type TunnelState = z.infer<typeof TunnelState>;

export const TunnelEndpoint = z.object({
  provider: ProviderId,
  /** Path on the listener, e.g. `/dashly`. */
  prefix: z.string(),
  /** The public URL to give the platform, e.g. `https://name.loca.lt/dashly`. */
  url: z.string(),
});
export type TunnelEndpoint = z.infer<typeof TunnelEndpoint>;

export const TunnelStatus = z.object({
  state: TunnelState,
  /** The public URL the server granted; set only while online. */
  url: z.string().nullable(),
  /** The tunnel server in use (or that will be used), without a trailing slash. */
  host: z.string().nullable(),
  requestedSubdomain: z.string().nullable(),
  /** What the server granted; differs from the requested one when that was taken (see `warnings`). */
  grantedSubdomain: z.string().nullable(),
  /** The number of the try running or scheduled since the tunnel was last online; 0 when online or off. */
  attempt: z.number().int().nonnegative(),
  /** Epoch ms of the next try while reconnecting and waiting. */
  nextRetryAt: z.number().nullable(),
  /** Why the last try failed or the tunnel dropped, in plain words; null when there is nothing to say. */
  error: z.string().nullable(),
  /** Things the user must know even though the tunnel works (a changed URL, held requests using up connections…). */
  warnings: z.array(z.string()),
  /** Epoch ms when the current state began. */
  since: z.number(),
  /** Tunnel connections the server reports as open, and how many it allows; null when unknown. */
  connectedSockets: z.number().int().nullable(),
  maxSockets: z.number().int().nullable(),
  /** The webhook URLs on the public URL, one per platform (empty unless online). */
  endpoints: z.array(TunnelEndpoint),
});
export type TunnelStatus = z.infer<typeof TunnelStatus>;
