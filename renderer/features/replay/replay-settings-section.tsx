import { MAX_BULK_CONCURRENCY } from '../../../shared/settings/replay-settings.js';
import { SettingField } from '../settings/setting-field.js';
import { saveSettings, useSettingDraft, useSettings } from '../settings/use-settings.js';

/** Replay timeout, bulk concurrency and extra names to redact on export. */
export function ReplaySettingsSection() {
  const settings = useSettings();
  const timeout = settings?.values['replay.timeoutMs'] as number | undefined;
  const concurrency = settings?.values['replay.bulkConcurrency'] as number | undefined;
  const names = settings?.values['export.redactNames'] as string[] | undefined;
  const [timeoutDraft, setTimeoutDraft, timeoutDirty] = useSettingDraft(
    timeout === undefined ? undefined : timeout / 1000,
  );
  const [concurrencyDraft, setConcurrencyDraft, concurrencyDirty] = useSettingDraft(concurrency);
  const [namesDraft, setNamesDraft, namesDirty] = useSettingDraft(names?.join(', '));
  return (
    <>
      <SettingField
        id="replay-timeout"
        label="Replay timeout (seconds)"
        canSave={timeoutDirty && timeoutDraft !== undefined}
        onSave={() => saveSettings({ 'replay.timeoutMs': Math.round((timeoutDraft ?? 15) * 1000) })}
        help="How long a replay waits for an answer before it counts as failed."
      >
        <input
          id="replay-timeout"
          type="number"
          min={0.1}
          max={600}
          step={1}
          value={timeoutDraft ?? ''}
          onChange={(event) => setTimeoutDraft(Number(event.target.value))}
        />
      </SettingField>
      <SettingField
        id="replay-concurrency"
        label="Bulk replay: at most in flight"
        canSave={concurrencyDirty && concurrencyDraft !== undefined}
        onSave={() => saveSettings({ 'replay.bulkConcurrency': concurrencyDraft })}
        help={<>1–{MAX_BULK_CONCURRENCY}; the default for new bulk replays.</>}
      >
        <input
          id="replay-concurrency"
          type="number"
          min={1}
          max={MAX_BULK_CONCURRENCY}
          value={concurrencyDraft ?? ''}
          onChange={(event) => setConcurrencyDraft(Number(event.target.value))}
        />
      </SettingField>
      <SettingField
        id="redact-names"
        label="Also redact on export"
        canSave={namesDirty}
        onSave={() =>
          saveSettings({
            'export.redactNames': (namesDraft ?? '')
              .split(',')
              .map((name) => name.trim())
              .filter(Boolean),
          })
        }
        help={
          <>
            Header, form-field and query names, comma-separated. Authorization, Cookie, Kindly-HMAC, X-Api-Key
            and the Dashly <code>token</code> field are always redacted unless an export turns redaction off.
          </>
        }
      >
        <input
          id="redact-names"
          placeholder="x-signature, password"
          value={namesDraft ?? ''}
          onChange={(event) => setNamesDraft(event.target.value)}
        />
      </SettingField>
    </>
  );
}
