import { z } from 'zod';
import { subdomainProblem } from '../tunnel/subdomain.js';
import { DEFAULT_TUNNEL_HOST, normalizeTunnelHost } from '../tunnel/tunnel-host.js';
import { defineSetting } from './define.js';

export const tunnelSettings = {
  'tunnel.host': defineSetting({
    schema: z
      .string()
      .superRefine((value, ctx) => {
        const result = normalizeTunnelHost(value);
        if (!result.ok) ctx.addIssue({ code: 'custom', message: result.problem });
      })
      .transform((value) => {
        const result = normalizeTunnelHost(value);
        return result.ok ? result.host : value;
      }),
    default: DEFAULT_TUNNEL_HOST,
    secret: false,
    description:
      'The localtunnel server, e.g. https://localtunnel.me or a self-hosted one (http or https, no trailing slash needed).',
  }),
  'tunnel.subdomain': defineSetting({
    schema: z
      .string()
      .superRefine((value, ctx) => {
        const problem = subdomainProblem(value);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      })
      .nullable(),
    default: null,
    secret: false,
    description:
      'The subdomain to ask the tunnel server for, so the public URL stays the same across restarts. Generated and saved on the first start when unset.',
  }),
  'tunnel.startOnLaunch': defineSetting({
    schema: z.boolean(),
    default: false,
    secret: false,
    description: 'Open the tunnel when Convoscope starts.',
  }),
};
