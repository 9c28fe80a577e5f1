import { z } from 'zod';
import { defineSetting } from './define.js';

/**
 * Per-client rate limiting on the webhook listener. Tunnel traffic all arrives from the tunnel
 * client on this machine (localtunnel adds no X-Forwarded-For), so by default it is not limited:
 * limiting it would throttle every sender as one client.
 */
export const rateLimitSettings = {
  'listener.rateLimitPerMinute': defineSetting({
    schema: z.number().int().min(0).max(1_000_000),
    default: 600,
    secret: false,
    description:
      'Requests per minute one client may send before it gets 429 + Retry-After (bursts up to this number are fine). Applies to clients the other two settings select. 0 = no limit.',
  }),
  'listener.rateLimitTunnel': defineSetting({
    schema: z.enum(['off', 'forwarded', 'shared']),
    default: 'off',
    secret: false,
    description:
      'Requests through the tunnel: `off` (not limited), `forwarded` (per address in the X-Forwarded-For / X-Real-IP header a proxy in front of a self-hosted tunnel server sets; senders can forge it, so it only spreads the limit), `shared` (the whole tunnel as one client).',
  }),
  'listener.rateLimitLocal': defineSetting({
    schema: z.boolean(),
    default: false,
    secret: false,
    description:
      'Also limit direct requests from this machine (scripts, load tests, replays to the listener). Off by default.',
  }),
};
