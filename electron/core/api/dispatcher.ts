import { z } from 'zod';
import { isMethodName, methods } from '../../../shared/contract/index.js';
import { ApiError } from './api-error.js';
import type { Handlers } from './handler-types.js';

export type Dispatch = (method: string, input: unknown) => Promise<unknown>;

/**
 * The API's single entry: validates the input against the contract, runs the handler, and checks
 * the output against the contract too, so clients can rely on the documented shapes.
 */
export function createDispatcher(handlers: Handlers): Dispatch {
  return async (name, input) => {
    if (!isMethodName(name)) throw new ApiError('not_found', `Unknown method "${name}".`);
    const definition = methods[name];
    const parsed = definition.input.safeParse(input);
    if (!parsed.success) {
      throw new ApiError('bad_request', `Invalid input for ${name}: ${z.prettifyError(parsed.error)}`, {
        issues: parsed.error.issues.map((issue) => ({
          path: issue.path.map(String),
          message: issue.message,
        })),
      });
    }
    const handler = handlers[name] as (params: unknown) => unknown;
    const result = await handler(parsed.data);
    const checked = definition.output.safeParse(result);
    if (!checked.success) {
      throw new Error(
        `Handler for ${name} returned a result outside the contract: ${z.prettifyError(checked.error)}`,
      );
    }
    return checked.data;
  };
}
