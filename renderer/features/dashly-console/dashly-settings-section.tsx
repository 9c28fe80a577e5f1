import { useEffect, useId, useState } from 'react';
import type { MethodOutput } from '../../../shared/contract/index.js';
import { FROM_ADMIN_PATTERN, isLegacyApiBase } from '../../../shared/dashly/presets.js';
import { Segmented } from '../../components/segmented.js';
import { call } from '../../api/client.js';
import { SecretField } from '../settings/secret-field.js';
import { SettingField } from '../settings/setting-field.js';
import { saveSettings, useSettingDraft, useSettings } from '../settings/use-settings.js';
import { adminLabel, useDashlyAdmins } from './use-dashly-admins.js';

type Preset = MethodOutput<'dashly.presets'>[number];
type AuthStyle = 'header' | 'query';
const CUSTOM = 'custom';

const AUTH_STYLES: { value: AuthStyle; label: string }[] = [
  { value: 'header', label: 'Authorization header' },
  { value: 'query', label: 'auth_token parameter' },
];

function usePresets(): Preset[] {
  const [presets, setPresets] = useState<Preset[]>([]);
  useEffect(() => {
    let live = true;
    void call('dashly.presets', {})
      .then((list) => live && setPresets(list))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, []);
  return presets;
}

/** Base URL and auth style are saved together: a preset sets both. */
function ConnectionFields({ baseUrl, authStyle }: { baseUrl: string; authStyle: AuthStyle }) {
  const presets = usePresets();
  const [urlDraft, setUrlDraft, urlDirty] = useSettingDraft(baseUrl);
  const [authDraft, setAuthDraft, authDirty] = useSettingDraft(authStyle);
  const urlId = useId();
  const presetId = useId();
  const url = urlDraft ?? baseUrl;
  const auth = authDraft ?? authStyle;
  const preset = presets.find((candidate) => candidate.apiBaseUrl === url.trim().replace(/\/+$/u, ''));
  const legacy = isLegacyApiBase(url);

  return (
    <>
      <div className="form-row">
        <label htmlFor={presetId}>Web API</label>
        <div className="form-control-line">
          <select
            id={presetId}
            value={preset?.id ?? CUSTOM}
            onChange={(event) => {
              const next = presets.find((candidate) => candidate.id === event.target.value);
              if (next) {
                setUrlDraft(next.apiBaseUrl);
                setAuthDraft(next.authStyle);
              }
            }}
          >
            {presets.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.label}
              </option>
            ))}
            <option value={CUSTOM} disabled={preset !== undefined}>
              Custom URL
            </option>
          </select>
        </div>
        {preset && <p className="form-help">{preset.note.replace(/`/gu, '')}</p>}
      </div>
      <div className="form-row">
        <label htmlFor={urlId}>API base URL</label>
        <div className="form-control-line">
          <input
            id={urlId}
            type="url"
            className="input-wide"
            spellCheck={false}
            value={url}
            onChange={(event) => setUrlDraft(event.target.value)}
          />
        </div>
        <p className="form-help">
          Replies go to <code>{`${url.replace(/\/+$/u, '') || '…'}/conversations/{id}/reply`}</code>. Any
          http(s) URL works, e.g. a mock server.
        </p>
      </div>
      <div className="form-row">
        <span className="form-label" id={`${urlId}-auth`}>
          Send the token as
        </span>
        <div className="form-control-line">
          <Segmented label="Send the token as" options={AUTH_STYLES} value={auth} onChange={setAuthDraft} />
        </div>
        <p className="form-help">
          {legacy
            ? 'A /v1 base URL always gets the auth_token parameter: the legacy API requires it.'
            : auth === 'header'
              ? 'Authorization: Token … (current API).'
              : 'auth_token=… in the query string.'}
        </p>
      </div>
      <div className="form-actions">
        <button
          type="button"
          className="button button-primary button-small"
          disabled={!urlDirty && !authDirty}
          onClick={() => void saveSettings({ 'dashly.apiBaseUrl': url.trim(), 'dashly.authStyle': auth })}
        >
          Save connection
        </button>
        {(urlDirty || authDirty) && (
          <button
            type="button"
            className="button button-small"
            onClick={() => {
              setUrlDraft(baseUrl);
              setAuthDraft(authStyle);
            }}
          >
            Discard
          </button>
        )}
      </div>
    </>
  );
}

function DefaultSender({ value }: { value: string }) {
  const admins = useDashlyAdmins();
  const [draft, setDraft, dirty] = useSettingDraft(value);
  const id = useId();
  const listId = useId();
  const text = (draft ?? value).trim();
  const valid = FROM_ADMIN_PATTERN.test(text);
  return (
    <SettingField
      id={id}
      label="Default sender"
      canSave={dirty && valid}
      onSave={() => saveSettings({ 'dashly.defaultFromAdmin': text })}
      helpIsError={!valid}
      help={
        <>
          {valid
            ? 'from_admin of replies and actions unless the composer picks another: an admin id, or default_admin.'
            : 'An admin id (digits) or default_admin.'}
          {valid && admins.length > 0 && ` Admins seen so far: ${admins.map(adminLabel).join(', ')}.`}
        </>
      }
    >
      <input
        id={id}
        type="text"
        list={listId}
        spellCheck={false}
        value={draft ?? value}
        aria-invalid={!valid}
        onChange={(event) => setDraft(event.target.value)}
      />
      <datalist id={listId}>
        <option value="default_admin">Dashly picks</option>
        {admins.map((admin) => (
          <option key={admin.id} value={admin.id}>
            {adminLabel(admin)}
          </option>
        ))}
      </datalist>
    </SettingField>
  );
}

function textSetting(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}

/** Settings → Dashly: the Web API connection, its token, the webhook token to expect, the sender. */
export function DashlySettingsSection() {
  const settings = useSettings();
  if (!settings) return <div className="muted">Loading…</div>;
  const values = settings.values;
  return (
    <>
      <p className="section-intro">
        Replies, notes and operator actions go through Dashly’s Web API. Tokens stay in Convoscope’s core:
        this window only learns whether they are set.
      </p>
      <ConnectionFields
        baseUrl={textSetting(values['dashly.apiBaseUrl'], '')}
        authStyle={values['dashly.authStyle'] === 'query' ? 'query' : 'header'}
      />
      <SecretField
        settingKey="dashly.apiToken"
        label="API token"
        state={settings.secrets['dashly.apiToken']}
        help="Dashly → Settings → Developers → API keys. Needed to reply and to assign, close or tag."
      />
      <SecretField
        settingKey="dashly.webhookToken"
        label="Expected webhook token"
        state={settings.secrets['dashly.webhookToken']}
        help="The token form field Dashly sends with every webhook. Each Dashly capture then shows Token OK / mismatch / missing, and the auto-responder only answers webhooks that carry it."
      />
      <DefaultSender value={textSetting(values['dashly.defaultFromAdmin'], 'default_admin')} />
    </>
  );
}
