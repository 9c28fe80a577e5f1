import { z } from 'zod';
import { AppHealth } from '../../model/health.js';
import { defineMethod } from '../define.js';

export const AppInfo = z.object({
  version: z.string(),
  /** `desktop` inside Electron, `serve` in a browser. */
  host: z.enum(['desktop', 'serve']),
  listenerUrl: z.string(),
  listenerPort: z.number().int(),
  dataDir: z.string(),
  /** Endpoint URLs to give the platforms, local and (when a tunnel is up) public. */
  endpoints: z.array(
    z.object({
      prefix: z.string(),
      provider: z.string(),
      localUrl: z.string(),
      /** On the tunnel's public URL; present while the tunnel is online. */
      publicUrl: z.string().optional(),
    }),
  ),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const appMethods = {
  'app.info': defineMethod({
    description: 'Version, host kind, the listener URL and the data folder.',
    input: z.object({}).default({}),
    output: AppInfo,
  }),
  'app.health': defineMethod({
    description:
      'Whether the store takes writes (`store.state` ok | failing, with the problem and advice) and one-time notices such as a damaged database moved aside at start. Changes arrive as the `app.health` event.',
    input: z.object({}).default({}),
    output: AppHealth,
  }),
};
