import { z } from 'zod';
import { Hold } from '../../model/hold.js';
import { ResponseSpec } from '../../model/endpoint.js';
import { defineMethod } from '../define.js';

const HoldId = z.number().int().positive();
const Ended = z.object({ id: z.number().int(), status: z.number().int().nullable() });

export const holdMethods = {
  'holds.list': defineMethod({
    description:
      'Requests held open for the operator, oldest first, each with its deadline, the server clock (`now`) and the fallback the deadline will send.',
    input: z.object({}).default({}),
    output: z.array(Hold),
  }),
  'holds.respond': defineMethod({
    description:
      'Answers a held request with `{status?, headers?, body}` (status defaults to 200; a JSON body is sent as application/json). `conflict` if the hold already ended.',
    input: ResponseSpec.extend({ id: HoldId }),
    output: Ended,
  }),
  'holds.fallback': defineMethod({
    description: 'Answers a held request now with its fallback (what the deadline would send).',
    input: z.object({ id: HoldId }),
    output: Ended,
  }),
  'holds.abort': defineMethod({
    description: 'Closes a held request’s connection without any answer (no synthetic 503).',
    input: z.object({ id: HoldId }),
    output: Ended,
  }),
  'holds.resolveAll': defineMethod({
    description:
      'The "all" variants: `fallback`, `abort`, or `respond` with `response`, for every open hold (or those of `endpoint`). Answers how many ended.',
    input: z.discriminatedUnion('action', [
      z.object({ action: z.literal('fallback'), endpoint: z.string().optional() }),
      z.object({ action: z.literal('abort'), endpoint: z.string().optional() }),
      z.object({ action: z.literal('respond'), response: ResponseSpec, endpoint: z.string().optional() }),
    ]),
    output: z.object({ resolved: z.number().int() }),
  }),
};
