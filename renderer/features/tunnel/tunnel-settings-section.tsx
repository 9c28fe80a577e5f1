import { useState } from 'react';
import { subdomainProblem } from '../../../shared/tunnel/subdomain.js';
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
      <div className="form-row">
        <label htmlFor="tunnel-host">Tunnel server</label>
        <div className="form-control-line">
          <input
            id="tunnel-host"
            type="url"
            value={hostDraft ?? host}
            onChange={(event) => setHostDraft(event.target.value)}
          />
          <button
            type="button"
            className="button button-small"
            disabled={hostDraft === null || hostDraft === host}
            onClick={() =>
              void saveSettings({ 'tunnel.host': hostDraft }).then((ok) => ok && setHostDraft(null))
            }
          >
            Save
          </button>
        </div>
        <p className="form-help">The public localtunnel service, or your own server.</p>
      </div>
      <div className="form-row">
        <label htmlFor="tunnel-subdomain">Subdomain</label>
        <div className="form-control-line">
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
          <button
            type="button"
            className="button button-small"
            disabled={subDraft === null || subDraft === subdomain || problem !== null}
            onClick={() =>
              void saveSettings({ 'tunnel.subdomain': subDraft?.trim() ? subDraft.trim() : null }).then(
                (ok) => ok && setSubDraft(null),
              )
            }
          >
            Save
          </button>
        </div>
        <p id="tunnel-subdomain-help" className={`form-help ${problem ? 'form-error' : ''}`}>
          {problem ??
            'Kept across restarts so the URL you gave Dashly and Kindly stays valid. 4–63 lowercase letters, digits and hyphens. Changing it moves a running tunnel.'}
        </p>
      </div>
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
