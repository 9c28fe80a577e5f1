import { formatBytes } from '../../lib/format.js';
import { useAppStore } from '../../state/store.js';
import { SettingField } from './setting-field.js';
import { saveSettings, useSettingDraft, useSettings } from './use-settings.js';

export function ListenerSettingsSection() {
  const settings = useSettings();
  const info = useAppStore((state) => state.appInfo);
  const current = settings?.values['listener.maxBodyBytes'] as number | undefined;
  const [draft, setDraft, dirty] = useSettingDraft(
    current === undefined ? undefined : current / (1024 * 1024),
  );
  return (
    <>
      <SettingField
        id="max-body"
        label="Largest stored body (MB)"
        canSave={dirty && draft !== undefined}
        onSave={() => saveSettings({ 'listener.maxBodyBytes': Math.round((draft ?? 10) * 1024 * 1024) })}
        help={
          <>
            Larger requests get <code>413</code>; the attempt is still recorded with its first 64 KB.
            {current !== undefined && ` Now ${formatBytes(current)}.`}
          </>
        }
      >
        <input
          id="max-body"
          type="number"
          min={0.001}
          step={1}
          value={draft ?? ''}
          onChange={(event) => setDraft(Number(event.target.value))}
        />
      </SettingField>
      {info && (
        <dl className="facts">
          <dt>Listener</dt>
          <dd className="mono">{info.listenerUrl}</dd>
          <dt>Data folder</dt>
          <dd className="mono">{info.dataDir}</dd>
          <dt>Version</dt>
          <dd>
            {info.version} ({info.host === 'desktop' ? 'desktop app' : 'serve mode'})
          </dd>
        </dl>
      )}
    </>
  );
}
