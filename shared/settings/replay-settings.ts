import { z } from 'zod';
import { defineSetting } from './define.js';

export const DEFAULT_REPLAY_TIMEOUT_MS = 15_000;
export const MAX_BULK_CONCURRENCY = 32;

/** Header, form-field, JSON-member and query names always redacted on export (any case). */
export const DEFAULT_REDACTED_NAMES = [
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  'kindly-hmac',
  'token',
  'auth_token',
  'access_token',
  'api_key',
] as const;

export const replaySettings = {
  'replay.timeoutMs': defineSetting({
    schema: z.number().int().min(100).max(600_000),
    default: DEFAULT_REPLAY_TIMEOUT_MS,
    secret: false,
    description: 'How long a replay waits for the target to answer before it counts as failed (ms).',
  }),
  'replay.bulkConcurrency': defineSetting({
    schema: z.number().int().min(1).max(MAX_BULK_CONCURRENCY),
    default: 4,
    secret: false,
    description: 'How many requests a bulk replay keeps in flight at once (1–32).',
  }),
  'export.redactNames': defineSetting({
    schema: z.array(z.string().trim().min(1).max(200)).max(200),
    default: [],
    secret: false,
    description:
      'More header, form-field, JSON-member and query-parameter names to redact on export, besides Authorization, Cookie, Kindly-HMAC, X-Api-Key and the `token` field.',
  }),
};
