import { z } from 'zod';
import {
  BulkProgress,
  CaptureFilterInput,
  PreparedRequest,
  ReplayDetail,
  ReplayEdits,
  ReplaySummary,
  ReplayTarget,
  ReplayTargets,
} from '../../model/replay.js';
import { MAX_BULK_CONCURRENCY } from '../../settings/replay-settings.js';
import { defineMethod } from '../define.js';
import { CaptureId } from './captures.js';

const ReplayId = z.number().int().positive();
const TimeoutMs = z.number().int().min(100).max(600_000);

const ReplayRequest = z.object({
  id: CaptureId,
  target: ReplayTarget,
  edits: ReplayEdits.optional(),
  /** Kindly: sign an edited body again with the stored secret (default true). */
  resign: z.boolean().default(true),
});

export const replayMethods = {
  'captures.replay': defineMethod({
    description:
      'Sends a capture again: as it was (exact body, original headers minus hop-by-hop ones and Host) or with `edits`, to the listener, the endpoint’s forward target or a URL. Waits for the answer unless `wait` is false; the target is remembered for the capture’s endpoint.',
    input: ReplayRequest.extend({
      /** Default `replay.timeoutMs` (15 s). */
      timeoutMs: TimeoutMs.optional(),
      /** false: answer at once with the running replay; follow `replay.finished`. */
      wait: z.boolean().default(true),
    }),
    output: ReplayDetail,
  }),
  'replays.preview': defineMethod({
    description:
      'The exact request `captures.replay` would send with the same input (signature included); sends nothing.',
    input: ReplayRequest,
    output: PreparedRequest,
  }),
  'replays.list': defineMethod({
    description:
      'Replays newest first: of one capture (`captureId`), of one bulk run (`bulkId`), or all (composed requests included). Pass `next` back as `before`.',
    input: z
      .object({
        captureId: CaptureId.optional(),
        bulkId: z.string().max(100).optional(),
        limit: z.number().int().min(1).max(500).default(50),
        before: ReplayId.optional(),
      })
      .default({ limit: 50 }),
    output: z.object({ items: z.array(ReplaySummary), next: z.number().int().nullable() }),
  }),
  'replays.get': defineMethod({
    description: 'One replay with the request sent and the target’s answer (headers and body).',
    input: z.object({ id: ReplayId }),
    output: ReplayDetail,
  }),
  'replays.cancel': defineMethod({
    description:
      'Cancels a running replay (it is stored as `cancelled`); `cancelled` is false when it had already ended.',
    input: z.object({ id: ReplayId }),
    output: z.object({ cancelled: z.boolean() }),
  }),
  'replays.targets': defineMethod({
    description:
      'Replay targets for a capture’s endpoint: the last one used (what `r` replays to), the forward target, the listener URL and recently typed URLs.',
    input: z.object({ captureId: CaptureId }),
    output: ReplayTargets,
  }),
  'replays.bulk': defineMethod({
    description:
      'Replays many captures (`ids`, or every capture matching `filter`, oldest first) to one target with at most `concurrency` in flight. Answers at once; progress comes as `replay.bulk.progress`, the summary as `replay.bulk.finished`.',
    input: z
      .object({
        ids: z.array(CaptureId).min(1).max(100_000).optional(),
        filter: CaptureFilterInput.optional(),
        target: ReplayTarget,
        /** Default `replay.bulkConcurrency` (4). */
        concurrency: z.number().int().min(1).max(MAX_BULK_CONCURRENCY).optional(),
        resign: z.boolean().default(true),
        timeoutMs: TimeoutMs.optional(),
      })
      .refine((input) => !(input.ids && input.filter), 'Give either ids or filter, not both.'),
    output: BulkProgress,
  }),
  'replays.bulkStatus': defineMethod({
    description: 'A bulk replay’s progress, or its summary once it has ended.',
    input: z.object({ bulkId: z.string().max(100), wait: z.boolean().default(false) }),
    output: BulkProgress,
  }),
  'replays.bulkCancel': defineMethod({
    description:
      'Cancels a bulk replay: nothing new starts, running requests are cancelled; answers the final summary.',
    input: z.object({ bulkId: z.string().max(100) }),
    output: BulkProgress,
  }),
};
