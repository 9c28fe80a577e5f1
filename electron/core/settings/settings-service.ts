import { z } from 'zod';
import type { SettingsSnapshot } from '../../../shared/contract/methods/settings.js';
import {
  isSettingKey,
  settingDefinitions,
  type SettingKey,
  type SettingValue,
} from '../../../shared/settings/index.js';
import { ApiError } from '../api/api-error.js';
import { perfEnabled } from '../perf-switches.js';
import type { SecretStore } from '../secrets/secret-store.js';
import type { SettingsRepository } from '../store/settings-repository.js';

/** Settings with defaults, validation and persistence; secrets go to the secret store. */
export class SettingsService {
  private readonly values: Map<string, unknown>;
  /**
   * Parsed primitive values: the listener reads several settings per request, and a zod parse per
   * read costs more than the read. Objects are parsed on every read, so no caller can change a
   * cached one.
   */
  private readonly parsedPrimitives = new Map<SettingKey, unknown>();
  private readonly cacheParsed = perfEnabled('settings-cache');
  private readonly listeners = new Set<(snapshot: SettingsSnapshot, changed: SettingKey[]) => void>();

  constructor(
    private readonly repository: SettingsRepository,
    private readonly secrets: SecretStore,
  ) {
    this.values = repository.all();
  }

  get<K extends SettingKey>(key: K): SettingValue<K> {
    const definition = settingDefinitions[key];
    if (definition.secret) throw new Error(`${key} is a secret; use secret()`);
    if (this.parsedPrimitives.has(key)) return this.parsedPrimitives.get(key) as SettingValue<K>;
    const stored = this.values.get(key);
    const parsed = definition.schema.safeParse(stored);
    const value = parsed.success ? parsed.data : definition.default;
    if (this.cacheParsed && (value === null || typeof value !== 'object'))
      this.parsedPrimitives.set(key, value);
    return value as SettingValue<K>;
  }

  /** Core-only access to a secret value. Never send it to a client or a log. */
  secret(key: SettingKey): string | null {
    return this.secrets.get(key);
  }

  snapshot(): SettingsSnapshot {
    const values: Record<string, unknown> = {};
    const secrets: Record<string, 'set' | 'unset'> = {};
    for (const key of Object.keys(settingDefinitions) as SettingKey[]) {
      if (settingDefinitions[key].secret) secrets[key] = this.secrets.get(key) ? 'set' : 'unset';
      else values[key] = this.get(key);
    }
    return { values, secrets };
  }

  /** Validates every key first, then applies them all; nothing is half-applied. */
  update(patch: Record<string, unknown>): SettingsSnapshot {
    const accepted: [SettingKey, unknown][] = [];
    const problems: string[] = [];
    for (const [key, value] of Object.entries(patch)) {
      if (!isSettingKey(key)) {
        problems.push(`Unknown setting "${key}".`);
        continue;
      }
      const definition = settingDefinitions[key];
      if (definition.secret) {
        if (value === null || value === '') accepted.push([key, null]);
        else if (typeof value === 'string') accepted.push([key, value]);
        else problems.push(`${key}: a secret is set with a string and cleared with null.`);
        continue;
      }
      if (value === null) {
        accepted.push([key, undefined]);
        continue;
      }
      const parsed = definition.schema.safeParse(value);
      if (parsed.success) accepted.push([key, parsed.data]);
      else problems.push(`${key}: ${z.prettifyError(parsed.error).replace(/\n/gu, ' ')}`);
    }
    if (problems.length > 0) throw new ApiError('bad_request', problems.join(' '), { problems });

    for (const [key, value] of accepted) {
      this.parsedPrimitives.delete(key);
      if (settingDefinitions[key].secret) {
        this.secrets.set(key, value as string | null);
      } else if (value === undefined) {
        this.values.delete(key);
        this.repository.delete(key);
      } else {
        this.values.set(key, value);
        this.repository.put(key, value);
      }
    }
    const snapshot = this.snapshot();
    const changed = accepted.map(([key]) => key);
    for (const listener of this.listeners) listener(snapshot, changed);
    return snapshot;
  }

  onChange(listener: (snapshot: SettingsSnapshot, changed: SettingKey[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
