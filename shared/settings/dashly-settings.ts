import { z } from 'zod';
import { DASHLY_DEFAULT_API_BASE_URL, FROM_ADMIN_PATTERN } from '../dashly/presets.js';
import { defineSetting } from './define.js';

export const dashlySettings = {
  'dashly.apiBaseUrl': defineSetting({
    schema: z
      .string()
      .trim()
      .max(2000)
      .refine((value) => {
        try {
          const url = new URL(value);
          return (url.protocol === 'https:' || url.protocol === 'http:') && !url.search && !url.hash;
        } catch {
          return false;
        }
      }, 'an http(s) URL without query or fragment')
      .transform((value) => value.replace(/\/+$/u, '')),
    default: DASHLY_DEFAULT_API_BASE_URL,
    secret: false,
    description:
      'Dashly Web API base URL: `https://api.dashly.app`, the legacy `…/v1` (token as `auth_token`), Carrot quest, or a custom one (`dashly.presets` lists them).',
  }),
  'dashly.apiToken': defineSetting({
    schema: z.string().min(1),
    default: '',
    secret: true,
    description: 'Dashly Web API token (Settings → Developers → API Keys). Write-only.',
  }),
  'dashly.authStyle': defineSetting({
    schema: z.enum(['header', 'query']),
    default: 'header',
    secret: false,
    description:
      'How the token is sent: `header` (`Authorization: Token …`) or `query` (`auth_token` parameter). A `/v1` base URL always gets `auth_token`, which that API requires.',
  }),
  'dashly.webhookToken': defineSetting({
    schema: z.string().min(1),
    default: '',
    secret: true,
    description:
      'The webhook `token` form field Dashly sends; every Dashly capture then shows `webhookToken: ok | mismatch | missing`. Write-only.',
  }),
  'dashly.defaultFromAdmin': defineSetting({
    schema: z.string().trim().regex(FROM_ADMIN_PATTERN, 'an admin id (digits) or `default_admin`'),
    default: 'default_admin',
    secret: false,
    description: 'Sender of replies and operator actions when none is given: an admin id or `default_admin`.',
  }),
};
