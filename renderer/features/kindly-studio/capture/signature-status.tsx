import {
  ShieldAlert,
  ShieldCheck,
  ShieldOff,
  ShieldQuestion,
  TriangleAlert,
  type LucideIcon,
} from 'lucide-react';
import type { SignatureCheck } from '../../../../shared/model/capture.js';
import { OpenKindlySettings } from '../chat/open-kindly-settings.js';

const LOOK: Record<SignatureCheck, { icon: LucideIcon; text: string; tone: string; title: string }> = {
  verified: {
    icon: ShieldCheck,
    text: 'Signature verified',
    tone: 'ok',
    title: 'Kindly-HMAC matches the raw body with the configured secret.',
  },
  mismatch: {
    icon: ShieldAlert,
    text: 'Signature mismatch',
    tone: 'danger',
    title: 'Kindly-HMAC does not match the raw body with the configured secret.',
  },
  unsigned: {
    icon: ShieldOff,
    text: 'Unsigned',
    tone: 'warn',
    title: 'The request has no Kindly-HMAC header.',
  },
  'no-secret': {
    icon: ShieldQuestion,
    text: 'Signed · no secret set',
    tone: 'muted',
    title: 'Signed, but no Kindly HMAC secret is configured, so it cannot be checked.',
  },
};

/** The `Kindly-HMAC` check of a capture, as a badge for the detail header. */
export function SignatureBadge({
  signature,
  warning,
}: {
  signature: SignatureCheck;
  warning?: string | null;
}) {
  const look = LOOK[signature];
  const Icon = warning ? TriangleAlert : look.icon;
  return (
    <span
      className={`signature-badge signature-${look.tone} ${warning ? 'signature-warned' : ''}`}
      title={warning ?? look.title}
    >
      <Icon size={13} aria-hidden="true" />
      {look.text}
      {warning ? ' (see note)' : ''}
    </span>
  );
}

/** What a non-verified signature means and what to do, under the header; nothing when all is well. */
export function SignatureBanner({
  signature,
  warning,
}: {
  signature: SignatureCheck;
  warning?: string | null;
}) {
  if (signature === 'verified' && !warning) return null;
  const look = LOOK[signature];
  const explanation: Record<SignatureCheck, string> = {
    verified: '',
    mismatch:
      'The Kindly-HMAC header does not match this body under the configured secret: the request was not signed by Kindly with that secret, the secret is out of date, or the body was changed on the way.',
    unsigned:
      'There is no Kindly-HMAC header. Kindly signs every dialogue webhook, so this request may not come from Kindly.',
    'no-secret':
      'The request is signed, but no webhook HMAC secret is set, so the signature cannot be checked. Kindly shows the secret under Settings › General › Security.',
  };
  return (
    <div className={`signature-banner signature-banner-${look.tone}`} role="note">
      <look.icon size={14} aria-hidden="true" />
      <div>
        {signature !== 'verified' && <p>{explanation[signature]}</p>}
        {warning && (
          <p>
            <strong>Note:</strong> {warning}
          </p>
        )}
        {(signature === 'no-secret' || signature === 'mismatch') && (
          <OpenKindlySettings label="Set the HMAC secret" />
        )}
      </div>
    </div>
  );
}
