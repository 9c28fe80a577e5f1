import { z } from 'zod';
import { defineMethod } from '../define.js';

export const SettingsSnapshot = z.object({
  /** Every non-secret setting with its current value. */
  values: z.record(z.string(), z.unknown()),
  /** Every secret setting, reported only as set or unset. */
  secrets: z.record(z.string(), z.enum(['set', 'unset'])),
});
export type SettingsSnapshot = z.infer<typeof SettingsSnapshot>;

export const settingsMethods = {
  'settings.get': defineMethod({
    description: 'All settings; secrets are reported only as `set` / `unset`.',
    input: z.object({}).default({}),
    output: SettingsSnapshot,
  }),
  'settings.update': defineMethod({
    description:
      'Partial update with dotted keys, e.g. `{"listener.maxBodyBytes": 1048576}`. Every value is validated; a secret is set with a string and cleared with null. Answers the new snapshot.',
    input: z.record(z.string(), z.unknown()),
    output: SettingsSnapshot,
  }),
};
