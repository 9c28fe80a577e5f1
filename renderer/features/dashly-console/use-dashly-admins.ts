import { useEffect } from 'react';
import type { DashlyAdmin } from '../../../shared/contract/methods/dashly.js';
import { loadDashlyAdmins } from '../../state/dashly-actions.js';
import { useAppStore } from '../../state/store.js';

/** Admins and bots seen in Dashly payloads (loaded once, refreshed when Dashly webhooks arrive). */
export function useDashlyAdmins(): DashlyAdmin[] {
  const admins = useAppStore((state) => state.dashlyAdmins);
  useEffect(() => {
    if (admins === null) void loadDashlyAdmins();
  }, [admins]);
  return admins ?? EMPTY;
}

const EMPTY: DashlyAdmin[] = [];

export function adminLabel(admin: Pick<DashlyAdmin, 'id' | 'name' | 'type'>): string {
  const name = admin.name ?? (admin.type === 'bot' ? 'Bot' : 'Admin');
  return `${name} (${admin.id})${admin.type === 'bot' ? ' · bot' : ''}`;
}
