import type { ProviderId } from '../../shared/model/provider.js';
import { statusTone } from '../lib/format.js';

const PROVIDER_LABEL: Record<ProviderId, string> = { dashly: 'Dashly', kindly: 'Kindly', other: 'Other' };

export function ProviderBadge({ provider }: { provider: ProviderId }) {
  return <span className={`provider-badge provider-${provider}`}>{PROVIDER_LABEL[provider]}</span>;
}

export function StatusPill({ status }: { status: number | null }) {
  return (
    <span
      className={`status-pill status-${statusTone(status)}`}
      title={status === null ? 'No response sent yet' : `Answered ${status}`}
    >
      {status ?? '…'}
    </span>
  );
}

export function providerLabel(provider: ProviderId): string {
  return PROVIDER_LABEL[provider];
}
