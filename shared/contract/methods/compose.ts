import { z } from 'zod';
import { MessageDiff } from '../../model/diff.js';
import { ComposeInput, ComposeTarget, PreparedRequest, ReplayDetail } from '../../model/replay.js';
import { defineMethod } from '../define.js';
import { CaptureId } from './captures.js';

const Part = z.enum(['request', 'response']);

/** One side of a diff: a capture (request by default) or a replay (the target's response by default). */
export const DiffSide = z.union([
  z.object({ capture: CaptureId, part: Part.default('request') }),
  z.object({ replay: z.number().int().positive(), part: Part.default('response') }),
]);
export type DiffSideInput = z.input<typeof DiffSide>;

export const DiffSideInfo = z.object({
  label: z.string(),
  part: Part,
  captureId: z.number().int().nullable(),
  replayId: z.number().int().nullable(),
});

export const composeMethods = {
  'captures.compose': defineMethod({
    description:
      'Builds a webhook from a template (`dashly.lead`, `dashly.operator`, `kindly.message`, or `custom`, e.g. from `curl.parse`) exactly as the platform sends it, Kindly-signed when a secret is set, and sends it to `target` (the listener or a URL). Without a target it only answers the request.',
    input: z.intersection(
      ComposeInput,
      z.object({
        target: ComposeTarget.optional(),
        timeoutMs: z.number().int().min(100).max(600_000).optional(),
        wait: z.boolean().default(true),
      }),
    ),
    output: z.object({ request: PreparedRequest, replay: ReplayDetail.nullable() }),
  }),
  'captures.diff': defineMethod({
    description:
      'Compares two captures, or a capture and a replay, side by side: start line, headers (by name) and body — JSON structurally (key order ignored, numbers exact), forms field by field (JSON fields as JSON), text by line.',
    input: z.object({
      a: DiffSide,
      b: DiffSide,
      /** Header names to leave out of the comparison (any case), e.g. `date`. */
      ignoreHeaders: z.array(z.string().max(200)).max(100).default([]),
    }),
    output: z.object({ a: DiffSideInfo, b: DiffSideInfo, diff: MessageDiff }),
  }),
};
