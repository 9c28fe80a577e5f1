import { useEffect, useState } from 'react';
import type { SettingsSnapshot } from '../../../shared/contract/methods/settings.js';
import { call } from '../../api/client.js';
import { useAppStore } from '../../state/store.js';

/** The settings snapshot, kept current by the `settings.changed` event. */
export function useSettings(): SettingsSnapshot | null {
  const settings = useAppStore((state) => state.settings);
  useEffect(() => {
    if (settings) return;
    void call('settings.get', {}).then((snapshot) => useAppStore.setState({ settings: snapshot }));
  }, [settings]);
  return settings;
}

/** Saves a partial update; shows the server's validation message when it refuses. */
export async function saveSettings(
  patch: Record<string, unknown>,
  options: { quiet?: boolean } = {},
): Promise<boolean> {
  try {
    const snapshot = await call('settings.update', patch);
    useAppStore.setState({ settings: snapshot });
    if (!options.quiet) useAppStore.getState().showToast('Saved.');
    return true;
  } catch (error) {
    useAppStore.getState().showToast((error as Error).message, 'error');
    return false;
  }
}

/**
 * A local edit of a setting. The edit is dropped as soon as the saved value changes (saved here or
 * elsewhere), so the field always shows either the user's typing or the current value.
 */
export function useSettingDraft<T>(value: T | undefined): [T | undefined, (next: T) => void, boolean] {
  const [edit, setEdit] = useState<{ base: T | undefined; value: T } | null>(null);
  const draft = edit && edit.base === value ? edit.value : value;
  return [draft, (next) => setEdit({ base: value, value: next }), draft !== value];
}
