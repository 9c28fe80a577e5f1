import { z } from 'zod';
import { defineMethod } from '../define.js';

export const RetentionPass = z.object({
  at: z.number(),
  deleted: z.number().int(),
  byAge: z.number().int(),
  byCount: z.number().int(),
  bySize: z.number().int(),
});
export type RetentionPass = z.infer<typeof RetentionPass>;

export const RetentionStatus = z.object({
  captures: z.number().int(),
  starred: z.number().int(),
  /** Bytes the stored data occupies (the file can be larger: freed space is reused, not returned). */
  usedBytes: z.number().int(),
  /** The last background pass; null before the first one finished. */
  lastPass: RetentionPass.nullable(),
});
export type RetentionStatus = z.infer<typeof RetentionStatus>;

export const retentionMethods = {
  'retention.status': defineMethod({
    description:
      'How much is stored (captures, starred, bytes) and what the last retention pass deleted. Limits are the `retention.*` settings.',
    input: z.object({}).default({}),
    output: RetentionStatus,
  }),
  'retention.run': defineMethod({
    description:
      'Runs a retention pass now (it also runs every minute and after every 500 captures) and answers what it deleted; deletions are announced as `captures.deleted`.',
    input: z.object({}).default({}),
    output: RetentionPass,
  }),
};
