import { Dialog } from '../../components/dialog.js';
import { closeModal } from '../../state/modal-actions.js';
import { openSettingsSection } from '../settings/open-settings.js';
import { GuidePlatform } from './guide-platform.js';
import { GuideTunnelStep } from './guide-tunnel-step.js';

function SettingsLink({ section, children }: { section: string; children: string }) {
  return (
    <button
      type="button"
      className="link-button"
      onClick={() => {
        closeModal();
        openSettingsSection(section);
      }}
    >
      {children}
    </button>
  );
}

/** The first-run guide: a public URL, where each platform takes it, and a test webhook each. */
export function GettingStartedDialog() {
  return (
    <Dialog
      title="Getting started"
      size="wide"
      onClose={closeModal}
      description="Convoscope records every webhook that reaches its listener and shows it live. Three steps connect Dashly and Kindly."
      footer={
        <>
          <span className="muted guide-footer-note">Open this guide again from Help › Getting started.</span>
          <button type="button" className="button button-primary" onClick={closeModal}>
            Done
          </button>
        </>
      }
    >
      <GuideTunnelStep />
      <div className="guide-platforms">
        <GuidePlatform provider="dashly" step={2} title="Dashly chat webhook">
          <li>
            Dashly connects webhooks on request: write to Dashly support in the chat of your Dashly account
            and ask them to send the chat-message webhook to this URL.
          </li>
          <li>
            Every webhook carries a <code>token</code> field. Put the token Dashly gives you in{' '}
            <SettingsLink section="dashly">Settings › Dashly</SettingsLink> so each capture says whether it
            matched.
          </li>
          <li>Write in your site&apos;s chat: each message arrives in Captures and Conversations.</li>
        </GuidePlatform>
        <GuidePlatform provider="kindly" step={3} title="Kindly dialogue webhook">
          <li>
            In Kindly, open the dialogue (or fallback) that should call you, then Dialogue outputs › Advanced
            options › Webhook, and paste this URL.
          </li>
          <li>
            To check signatures, copy the Webhook HMAC secret (workspace Settings › General › Security) into{' '}
            <SettingsLink section="kindly">Settings › Kindly</SettingsLink>.
          </li>
          <li>Talk to the bot until that dialogue fires: the request and its reply appear here.</li>
        </GuidePlatform>
      </div>
    </Dialog>
  );
}
