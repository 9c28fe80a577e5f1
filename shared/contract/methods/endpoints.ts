import { z } from 'zod';
import { HeaderList, BodyDto } from '../../model/http.js';
import { Endpoint, EndpointInput, EndpointPrefix, Rule } from '../../model/endpoint.js';
import { defineMethod } from '../define.js';

/** One condition of a rule as evaluated against a capture, for the rules editor. */
export const ConditionResult = z.object({
  /** `method`, `path`, `header`, `bodyRegex`, `jsonPath`, `text`, `textEquals`, `textRegex`. */
  condition: z.string(),
  matched: z.boolean(),
  /** What was compared, briefly (e.g. the message text, the value at the JSON path). */
  actual: z.string().nullable(),
  /** True when a regex only saw the first part of a long input. */
  inputTruncated: z.boolean(),
});

export const endpointMethods = {
  'endpoints.list': defineMethod({
    description:
      'Every endpoint (a path prefix on the listener with its response mode), sorted by prefix. Requests under no endpoint get 200 `{}`.',
    input: z.object({}).default({}),
    output: z.array(Endpoint),
  }),
  'endpoints.save': defineMethod({
    description:
      'Creates or replaces the endpoint with this prefix (`previousPrefix` renames). Regexes, paths and templates are checked; a bad one is a `bad_request` naming it. Leaving hold mode answers its open holds with their fallback.',
    input: EndpointInput,
    output: Endpoint,
  }),
  'endpoints.delete': defineMethod({
    description: 'Deletes an endpoint; its open holds are answered with their fallback first.',
    input: z.object({ prefix: EndpointPrefix }),
    output: z.object({ deleted: z.boolean(), answeredHolds: z.number().int() }),
  }),
  'endpoints.testRule': defineMethod({
    description:
      'Evaluates one rule against a stored capture without sending anything: whether it matches, each condition, and the response it would render.',
    input: z.object({ rule: Rule, captureId: z.number().int().positive() }),
    output: z.object({
      matched: z.boolean(),
      conditions: z.array(ConditionResult),
      response: z
        .object({ status: z.number().int(), headers: HeaderList, body: BodyDto, delayMs: z.number().int() })
        .nullable(),
      /** Why the response could not be rendered (e.g. too large), when it could not. */
      error: z.string().nullable(),
    }),
  }),
  'endpoints.presetRules': defineMethod({
    description:
      'Builds rules from a preset. `dictionary`: phrase → answer pairs (Dashly’s dictionary bot), each a literal, case-insensitive "message contains" rule; `format` `kindly` answers `{"reply": answer}`, `text` answers plain text.',
    input: z.object({
      preset: z.literal('dictionary'),
      entries: z
        .array(z.object({ phrase: z.string().min(1).max(10_000), answer: z.string().max(100_000) }))
        .min(1)
        .max(200),
      format: z.enum(['kindly', 'text']).default('kindly'),
    }),
    output: z.object({ rules: z.array(Rule) }),
  }),
};
