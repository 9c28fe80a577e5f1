import { ShieldAlert, ShieldCheck, ShieldQuestion } from 'lucide-react';
import type { CaptureDetail } from '../../../shared/model/capture.js';
import { openSettingsSection } from '../settings/open-settings.js';

type Check = NonNullable<CaptureDetail['webhookToken']>;

const LABEL: Record<Check, string> = {
  ok: 'Token OK',
  mismatch: 'Token mismatch',
  missing: 'Token missing',
  'not-configured': 'Token not checked',
};

const EXPLANATION: Record<Check, string> = {
  ok: 'The webhook’s token field matches the expected Dashly webhook token.',
  mismatch:
    'The token field does not match the expected Dashly webhook token: this request may not come from your Dashly account.',
  missing:
    'The request has no token field although a Dashly webhook token is expected: it may not come from Dashly.',
  'not-configured':
    'No expected Dashly webhook token is set, so the token field is not checked. Set it in Settings → Dashly.',
};

/** Dashly's webhook has no signature, only a shared `token`: its check, as a badge. */
export function WebhookTokenBadge({ check }: { check: Check }) {
  const Icon = check === 'ok' ? ShieldCheck : check === 'not-configured' ? ShieldQuestion : ShieldAlert;
  return (
    <span className={`token-badge token-${check}`} title={EXPLANATION[check]}>
      <Icon size={13} aria-hidden="true" />
      {LABEL[check]}
    </span>
  );
}

/** A banner for the checks that need attention (and a way to configure the check). */
export function WebhookTokenBanner({ check }: { check: Check }) {
  if (check === 'ok') return null;
  return (
    <div className={`token-banner token-banner-${check}`} role="note" aria-label="Webhook token check">
      {check === 'not-configured' ? (
        <ShieldQuestion size={15} aria-hidden="true" />
      ) : (
        <ShieldAlert size={15} aria-hidden="true" />
      )}
      <span>
        <strong>{LABEL[check]}.</strong> {EXPLANATION[check].replace(' Set it in Settings → Dashly.', '')}
      </span>
      {check === 'not-configured' && (
        <button type="button" className="link-button" onClick={() => openSettingsSection('dashly')}>
          Set the expected token
        </button>
      )}
    </div>
  );
}
