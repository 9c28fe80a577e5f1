import { useState } from 'react';
import { subdomainProblem } from '../../../shared/tunnel/subdomain.js';
import { SettingField } from '../settings/setting-field.js';
import { saveSettings, useSettings } from '../settings/use-settings.js';

export function TunnelSettingsSection() {
  const settings = useSettings();
  const host = (settings?.values['tunnel.host'] as string | undefined) ?? '';
  const subdomain = (settings?.values['tunnel.subdomain'] as string | null | undefined) ?? '';
  const startOnLaunch = settings?.values['tunnel.startOnLaunch'] === true;
  const [hostDraft, setHostDraft] = useState<string | null>(null);
  const [subDraft, setSubDraft] = useState<string | null>(null);
  const subValue = subDraft ?? subdomain;
  const problem = subValue.trim() === '' ? null : subdomainProblem(subValue.trim());
  return (
    <>
      <SettingField
        id="tunnel-host"
        label="Tunnel server"
        canSave={hostDraft !== null && hostDraft !== host}
        onSave={() => saveSettings({ 'tunnel.host': hostDraft }).then((ok) => ok && setHostDraft(null))}
        help="The public localtunnel service, or your own server."
      >
        <input
          id="tunnel-host"
          type="url"
          value={hostDraft ?? host}
          onChange={(event) => setHostDraft(event.target.value)}
        />
      </SettingField>
      <SettingField
        id="tunnel-subdomain"
        label="Subdomain"
        canSave={subDraft !== null && subDraft !== subdomain && problem === null}
        onSave={() =>
          saveSettings({ 'tunnel.subdomain': subDraft?.trim() ? subDraft.trim() : null }).then(
            (ok) => ok && setSubDraft(null),
          )
        }
        helpId="tunnel-subdomain-help"
        helpIsError={problem !== null}
        help={
          problem ??
          'Kept across restarts so the URL you gave Dashly and Kindly stays valid. 4–63 lowercase letters, digits and hyphens. Changing it moves a running tunnel.'
        }
      >
        <input
          id="tunnel-subdomain"
          type="text"
          spellCheck={false}
          value={subValue}
          placeholder="generated on first start"
          aria-invalid={problem !== null}
          aria-describedby="tunnel-subdomain-help"
          onChange={(event) => setSubDraft(event.target.value)}
        />
      </SettingField>
      <div className="form-row">
        <label className="checkbox-line">
          <input
            type="checkbox"
            checked={startOnLaunch}
            onChange={(event) => void saveSettings({ 'tunnel.startOnLaunch': event.target.checked })}
          />
          Open the tunnel when Convoscope starts
        </label>
      </div>
    </>
  );
}
