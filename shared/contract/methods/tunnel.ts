import { z } from 'zod';
import { TunnelStatus } from '../../model/tunnel.js';
import { defineMethod } from '../define.js';

export const tunnelMethods = {
  'tunnel.start': defineMethod({
    description:
      'Opens the public tunnel to the webhook listener and keeps it up (reconnecting with backoff). `host` and `subdomain` default to the `tunnel.host` / `tunnel.subdomain` settings and are saved there when given; with no subdomain set, one is generated and saved so the URL stays the same across restarts. Answers at once with the status (usually `connecting`); follow the `tunnel.status` event or poll `tunnel.status`. Already online with the same host and subdomain: nothing changes. An invalid host or subdomain answers 400 and leaves a running tunnel alone.',
    input: z
      .object({
        host: z.string().max(2000).optional(),
        subdomain: z.string().max(200).optional(),
      })
      .default({}),
    output: TunnelStatus,
  }),
  'tunnel.stop': defineMethod({
    description: 'Closes the tunnel and stops reconnecting. Answers the status (`off`).',
    input: z.object({}).default({}),
    output: TunnelStatus,
  }),
  'tunnel.status': defineMethod({
    description:
      'State (`off`, `connecting`, `online`, `reconnecting`, `error`), the granted public URL, requested and granted subdomain, attempt and next retry time, the last error in plain words, warnings, and the public `/dashly` and `/kindly` webhook URLs.',
    input: z.object({}).default({}),
    output: TunnelStatus,
  }),
};
