import { useCallback, useEffect, useState } from 'react';
import type { RetentionStatus } from '../../../shared/contract/methods/retention.js';
import { call } from '../../api/client.js';
import { formatBytes } from '../../lib/format.js';
import { openModal } from '../../state/modal-actions.js';
import { useAppStore } from '../../state/store.js';
import { SettingField } from './setting-field.js';
import { saveSettings, useSettingDraft, useSettings } from './use-settings.js';

function NumberSetting({
  id,
  label,
  settingKey,
  unit,
  help,
  step = 1,
}: {
  id: string;
  label: string;
  settingKey: string;
  unit: string;
  help: string;
  step?: number;
}) {
  const settings = useSettings();
  const current = settings?.values[settingKey] as number | undefined;
  const [draft, setDraft, dirty] = useSettingDraft(current);
  return (
    <SettingField
      id={id}
      label={label}
      canSave={dirty && draft !== undefined && !Number.isNaN(draft)}
      onSave={() => saveSettings({ [settingKey]: draft })}
      help={help}
    >
      <input
        id={id}
        type="number"
        min={0}
        step={step}
        value={draft ?? ''}
        onChange={(event) => setDraft(Number(event.target.value))}
      />
      <span className="muted">{unit}</span>
    </SettingField>
  );
}

/** Retention limits and what is stored now; a clean-up can be run at once. */
export function StorageSettingsSection() {
  const [status, setStatus] = useState<RetentionStatus | null>(null);
  const settings = useSettings();
  const refresh = useCallback(() => {
    void call('retention.status', {})
      .then(setStatus)
      .catch(() => {});
  }, []);
  // The numbers follow saves (a pass runs after a limit changes) and the background passes.
  useEffect(refresh, [refresh, settings]);
  const captures = useAppStore((state) => state.captures.length);
  useEffect(refresh, [refresh, captures]);

  const runNow = async () => {
    try {
      const pass = await call('retention.run', {});
      useAppStore
        .getState()
        .showToast(pass.deleted === 0 ? 'Nothing to clean up.' : `Deleted ${pass.deleted} old capture(s).`);
    } catch (error) {
      useAppStore.getState().showToast((error as Error).message, 'error');
    }
    refresh();
  };

  return (
    <>
      <p className="form-help settings-intro">
        Old captures are deleted in the background when any limit is reached, oldest first. Starred captures
        are always kept. 0 means no limit.
      </p>
      <NumberSetting
        id="retention-max-captures"
        label="Keep at most"
        settingKey="retention.maxCaptures"
        unit="captures"
        help="Counts unstarred captures: the oldest beyond this number are deleted, starred ones are kept on top."
      />
      <NumberSetting
        id="retention-max-age"
        label="Keep for"
        settingKey="retention.maxAgeDays"
        unit="days"
        step={0.5}
        help="Unstarred captures older than this are deleted (fractions allowed)."
      />
      <NumberSetting
        id="retention-max-size"
        label="Keep stored data under"
        settingKey="retention.maxStoreMB"
        unit="MB"
        step={64}
        help="Counts the database's used space; freed space is reused, the file itself does not shrink."
      />
      <div className="form-row">
        <div className="form-control-line">
          <button type="button" className="button button-small" onClick={() => void runNow()}>
            Clean up now
          </button>
          <button
            type="button"
            className="button button-small button-danger"
            onClick={() => openModal('clear-captures')}
          >
            Clear captures…
          </button>
          {status && (
            <span className="muted" aria-live="polite">
              Stored: {status.captures.toLocaleString()} capture(s), {status.starred.toLocaleString()}{' '}
              starred, {formatBytes(status.usedBytes)}
              {status.lastPass &&
                ` · last clean-up ${new Date(status.lastPass.at).toLocaleTimeString()} deleted ${status.lastPass.deleted}`}
            </span>
          )}
        </div>
      </div>
    </>
  );
}
