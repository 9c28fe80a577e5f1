import { z } from 'zod';
import { CaptureDetail, CaptureSummary } from '../../model/capture.js';
import { ProviderId } from '../../model/provider.js';
import { defineMethod } from '../define.js';

export const CaptureId = z.number().int().positive();

/** Longest note a capture can carry (characters). */
export const NOTE_MAX_LENGTH = 10_000;

export const captureMethods = {
  'captures.list': defineMethod({
    description:
      'Captures newest first. `q` is a full-text search over bodies, paths and message text; pass `next` back as `before` for the following (older) page (`next` is null on the last page). With `after` instead, the page is the `limit` captures just newer than that id (still newest first), and `prev` is what to pass as `after` for the next newer page (null once the newest capture is in the page): a client can keep a window of the list and move it both ways.',
    input: z
      .object({
        provider: ProviderId.optional(),
        q: z.string().max(500).optional(),
        conversation: z.string().optional(),
        limit: z.number().int().min(1).max(1000).default(100),
        before: z.number().int().positive().optional(),
        /** The page just newer than this id (for scrolling back up a window); not with `before`. */
        after: z.number().int().nonnegative().optional(),
        /** Only starred (true) or only unstarred (false) captures. */
        starred: z.boolean().optional(),
      })
      .default({ limit: 100 }),
    output: z.object({
      items: z.array(CaptureSummary),
      next: z.number().int().nullable(),
      /** Only with `after`: the id to pass as `after` for newer captures, or null when none are newer. */
      prev: z.number().int().nullable().optional(),
    }),
  }),
  'captures.get': defineMethod({
    description:
      'Everything recorded for one capture: headers as `[name, value]` pairs, body as base64, parsed messages, parse error, and the response sent.',
    input: z.object({ id: CaptureId }),
    output: CaptureDetail,
  }),
  'captures.delete': defineMethod({
    description:
      'Deletes the given captures with their bodies, messages and search entries; conversation summaries are recounted.',
    input: z.object({ ids: z.array(CaptureId).min(1).max(10000) }),
    output: z.object({ deleted: z.number().int() }),
  }),
  'captures.star': defineMethod({
    description:
      'Stars (or, with `starred: false`, unstars) captures. Retention never deletes starred captures. Answers the ids that exist; each changed capture is announced as `capture.updated`.',
    input: z.object({ ids: z.array(CaptureId).min(1).max(10000), starred: z.boolean().default(true) }),
    output: z.object({ ids: z.array(z.number().int()) }),
  }),
  'captures.note': defineMethod({
    description:
      'Sets the free-text note of a capture (an empty or blank note removes it). Notes are found by the `q` search of `captures.list`. Announced as `capture.updated`.',
    input: z.object({ id: CaptureId, note: z.string().max(NOTE_MAX_LENGTH) }),
    output: CaptureSummary,
  }),
  'captures.clear': defineMethod({
    description:
      'Deletes every capture with its messages and conversations; with `keepStarred: true`, deletes every unstarred capture (as `captures.delete` would) and keeps the starred ones. Answers how many were deleted and kept; announced as `captures.cleared`.',
    input: z.object({ keepStarred: z.boolean().default(false) }).default({ keepStarred: false }),
    output: z.object({ deleted: z.number().int(), kept: z.number().int() }),
  }),
};
