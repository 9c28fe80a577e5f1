import type { z } from 'zod';

/**
 * One user setting. Secrets are write-only from the API's point of view: the core keeps them in
 * its secret store and only ever reports whether they are set.
 */
export interface SettingDefinition<S extends z.ZodType = z.ZodType> {
  schema: S;
  default: z.output<S>;
  secret: boolean;
  description: string;
}

export function defineSetting<S extends z.ZodType>(def: SettingDefinition<S>): SettingDefinition<S> {
  return def;
}
