import { useState } from 'react';
import { useLoadRemoteImages } from '../privacy/use-load-remote-images.js';
import { SettingField } from './setting-field.js';
import { saveSettings, useSettingDraft, useSettings } from './use-settings.js';

/** A control that shows the user's choice at once and settles on the saved value afterwards. */
function useOptimistic<T>(saved: T, save: (value: T) => Promise<boolean>): [T, (value: T) => void] {
  const [pending, setPending] = useState<{ value: T } | null>(null);
  return [
    pending ? pending.value : saved,
    (value) => {
      setPending({ value });
      void save(value).finally(() => setPending(null));
    },
  ];
}

/** Remote images in payloads, and rate limiting of webhook senders. */
export function PrivacySettingsSection() {
  const settings = useSettings();
  const images = useLoadRemoteImages();
  const [enabled, setEnabled] = useOptimistic(settings?.values['privacy.loadRemoteImages'] === true, (on) =>
    on ? images.enable() : images.disable(),
  );
  const perMinute = settings?.values['listener.rateLimitPerMinute'] as number | undefined;
  const [draft, setDraft, dirty] = useSettingDraft(perMinute);
  const [tunnelMode, setTunnelMode] = useOptimistic(
    (settings?.values['listener.rateLimitTunnel'] as string | undefined) ?? 'off',
    (mode) => saveSettings({ 'listener.rateLimitTunnel': mode }),
  );
  const [local, setLocal] = useOptimistic(settings?.values['listener.rateLimitLocal'] === true, (on) =>
    saveSettings({ 'listener.rateLimitLocal': on }),
  );

  return (
    <>
      <div className="form-row">
        <label className="checkbox-line">
          <input type="checkbox" checked={enabled} onChange={(event) => setEnabled(event.target.checked)} />
          Load images from payloads
        </label>
        <p className="form-help">
          Kindly replies and payloads can point at images on other servers. Loading one tells that server your
          IP address and when you looked, so they stay unloaded until you turn this on.
        </p>
        {images.needsReload && (
          <div className="form-control-line">
            <span className="muted">This window was opened before: reload it to show images.</span>
            <button type="button" className="button button-small" onClick={images.reload}>
              Reload now
            </button>
          </div>
        )}
      </div>

      <SettingField
        id="rate-limit"
        label="Rate limit per client"
        canSave={dirty && draft !== undefined && !Number.isNaN(draft)}
        onSave={() => saveSettings({ 'listener.rateLimitPerMinute': draft })}
        help={
          <>
            A client over the limit gets <code>429</code> with <code>Retry-After</code>; the first refusal of
            a burst is recorded and the rest are only counted, so a flood cannot fill the disk. 0 = no limit.
          </>
        }
      >
        <input
          id="rate-limit"
          type="number"
          min={0}
          step={60}
          value={draft ?? ''}
          onChange={(event) => setDraft(Number(event.target.value))}
        />
        <span className="muted">requests per minute</span>
      </SettingField>
      <div className="form-row">
        <label htmlFor="rate-limit-tunnel">Requests through the tunnel</label>
        <div className="form-control-line">
          <select
            id="rate-limit-tunnel"
            value={tunnelMode}
            onChange={(event) => setTunnelMode(event.target.value)}
          >
            <option value="off">Not limited</option>
            <option value="forwarded">Per forwarded address (X-Forwarded-For)</option>
            <option value="shared">The whole tunnel as one client</option>
          </select>
        </div>
        <p className="form-help">
          Everything through the tunnel arrives from one local address, so by default it is not limited. Per
          forwarded address only helps when a proxy in front of a self-hosted tunnel server adds the header.
        </p>
      </div>
      <div className="form-row">
        <label className="checkbox-line">
          <input type="checkbox" checked={local} onChange={(event) => setLocal(event.target.checked)} />
          Also limit requests from this machine
        </label>
        <p className="form-help">Scripts, load tests and replays that call the listener directly.</p>
      </div>
    </>
  );
}
