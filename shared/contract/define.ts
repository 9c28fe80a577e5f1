import type { z } from 'zod';

/** A method of the API: `POST /api/<name>` with `input` as JSON, answering `output` as JSON. */
export interface MethodDefinition<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /** One sentence for README and `--help`; the scripting API documentation is generated from it. */
  description: string;
}

export function defineMethod<I extends z.ZodType, O extends z.ZodType>(
  def: MethodDefinition<I, O>,
): MethodDefinition<I, O> {
  return def;
}
