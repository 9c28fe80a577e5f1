import { z } from 'zod';
import { defineSetting } from './define.js';

/** How much history is kept. 0 means no limit; starred captures are never deleted. */
export const retentionSettings = {
  'retention.maxCaptures': defineSetting({
    schema: z.number().int().min(0).max(100_000_000),
    default: 0,
    secret: false,
    description:
      'Keep at most this many unstarred captures (starred ones are kept on top); the oldest are deleted in the background. 0 = no limit.',
  }),
  'retention.maxAgeDays': defineSetting({
    schema: z.number().min(0).max(36500),
    default: 0,
    secret: false,
    description:
      'Delete unstarred captures older than this many days (fractions allowed, e.g. 0.5). 0 = keep forever.',
  }),
  'retention.maxStoreMB': defineSetting({
    schema: z.number().min(0).max(10_000_000),
    default: 2048,
    secret: false,
    description:
      'Keep the stored data under this many MB by deleting the oldest unstarred captures (starred ones count towards the size but are never deleted). Freed space is reused; the database file does not shrink. 0 = no limit.',
  }),
};
