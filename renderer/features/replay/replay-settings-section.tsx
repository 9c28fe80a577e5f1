import { MAX_BULK_CONCURRENCY } from '../../../shared/settings/replay-settings.js';
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
      <div className="form-row">
        <label htmlFor="replay-timeout">Replay timeout (seconds)</label>
        <div className="form-control-line">
          <input
            id="replay-timeout"
            type="number"
            min={0.1}
            max={600}
            step={1}
            value={timeoutDraft ?? ''}
            onChange={(event) => setTimeoutDraft(Number(event.target.value))}
          />
          <button
            type="button"
            className="button button-small"
            disabled={!timeoutDirty || timeoutDraft === undefined}
            onClick={() => void saveSettings({ 'replay.timeoutMs': Math.round((timeoutDraft ?? 15) * 1000) })}
          >
            Save
          </button>
        </div>
        <p className="form-help">How long a replay waits for an answer before it counts as failed.</p>
      </div>
      <div className="form-row">
        <label htmlFor="replay-concurrency">Bulk replay: at most in flight</label>
        <div className="form-control-line">
          <input
            id="replay-concurrency"
            type="number"
            min={1}
            max={MAX_BULK_CONCURRENCY}
            value={concurrencyDraft ?? ''}
            onChange={(event) => setConcurrencyDraft(Number(event.target.value))}
          />
          <button
            type="button"
            className="button button-small"
            disabled={!concurrencyDirty || concurrencyDraft === undefined}
            onClick={() => void saveSettings({ 'replay.bulkConcurrency': concurrencyDraft })}
          >
            Save
          </button>
        </div>
        <p className="form-help">1–{MAX_BULK_CONCURRENCY}; the default for new bulk replays.</p>
      </div>
      <div className="form-row">
        <label htmlFor="redact-names">Also redact on export</label>
        <div className="form-control-line">
          <input
            id="redact-names"
            placeholder="x-signature, password"
            value={namesDraft ?? ''}
            onChange={(event) => setNamesDraft(event.target.value)}
          />
          <button
            type="button"
            className="button button-small"
            disabled={!namesDirty}
            onClick={() =>
              void saveSettings({
                'export.redactNames': (namesDraft ?? '')
                  .split(',')
                  .map((name) => name.trim())
                  .filter(Boolean),
              })
            }
          >
            Save
          </button>
        </div>
        <p className="form-help">
          Header, form-field and query names, comma-separated. Authorization, Cookie, Kindly-HMAC, X-Api-Key
          and the Dashly <code>token</code> field are always redacted unless an export turns redaction off.
        </p>
      </div>
    </>
  );
}
