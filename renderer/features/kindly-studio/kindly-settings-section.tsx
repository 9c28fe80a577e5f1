import { useId } from 'react';
import { saveSettings, useSettingDraft, useSettings } from '../settings/use-settings.js';
import { SecretField } from '../settings/secret-field.js';
import { SettingField } from '../settings/setting-field.js';

/** Settings › Kindly: the webhook HMAC secret, the two API keys (write-only) and the API base URL. */
export function KindlySettingsSection() {
  const settings = useSettings();
  const baseUrlId = useId();
  const baseUrl = settings?.values['kindly.apiBaseUrl'] as string | undefined;
  const [draft, setDraft, dirty] = useSettingDraft(baseUrl);
  return (
    <>
      <SecretField
        settingKey="kindly.hmacSecret"
        label="Webhook HMAC secret"
        state={settings?.secrets['kindly.hmacSecret']}
        help="Kindly: Settings › General › Security. Verifies Kindly-HMAC on every Kindly capture and re-signs edited replays."
      />
      <SecretField
        settingKey="kindly.botApiKey"
        label="Bot API key (Read chats)"
        state={settings?.secrets['kindly.botApiKey']}
        help="Kindly: Connect › API Keys, with the “Read chats” scope. Used to fetch chat transcripts."
      />
      <SecretField
        settingKey="kindly.appApiKey"
        label="Application API key"
        state={settings?.secrets['kindly.appApiKey']}
        help="Kindly: Connect › Application. Used by “Simulate a user” to send messages as an end user."
      />
      <SettingField
        id={baseUrlId}
        label="API base URL"
        canSave={dirty && Boolean(draft)}
        onSave={() => saveSettings({ 'kindly.apiBaseUrl': draft })}
        help={
          <>
            Keys are only ever sent to this origin; a chat’s <code>_links.chat</code> elsewhere is refused.
          </>
        }
      >
        <input
          id={baseUrlId}
          className="input-wide"
          type="url"
          spellCheck={false}
          value={draft ?? ''}
          onChange={(event) => setDraft(event.target.value)}
        />
      </SettingField>
    </>
  );
}
