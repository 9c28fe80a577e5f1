import type { z } from 'zod';
import type { SettingDefinition } from './define.js';
import { dashlySettings } from './dashly-settings.js';
import { kindlySettings } from './kindly-settings.js';
import { listenerSettings } from './listener-settings.js';
import { replaySettings } from './replay-settings.js';
import { privacySettings } from './privacy-settings.js';
import { rateLimitSettings } from './rate-limit-settings.js';
import { retentionSettings } from './retention-settings.js';
import { uiSettings } from './ui-settings.js';
import { tunnelSettings } from './tunnel-settings.js';

/** Every setting key the app knows, by domain. Add a domain file and spread it here. */
export const settingDefinitions = {
  ...listenerSettings,
  ...rateLimitSettings,
  ...uiSettings,
  ...dashlySettings,
  ...kindlySettings,
  ...tunnelSettings,
  ...replaySettings,
  ...retentionSettings,
  ...privacySettings,
} satisfies Record<string, SettingDefinition>;

export type SettingKey = keyof typeof settingDefinitions;
export type SettingValue<K extends SettingKey> = z.output<(typeof settingDefinitions)[K]['schema']>;
export type SettingValues = { [K in SettingKey]: SettingValue<K> };

export function isSettingKey(key: string): key is SettingKey {
  return Object.hasOwn(settingDefinitions, key);
}
