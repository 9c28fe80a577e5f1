import { useId } from 'react';
import { FROM_ADMIN_PATTERN } from '../../../shared/dashly/presets.js';
import { setDashlySender } from '../../state/dashly-actions.js';
import { useAppStore } from '../../state/store.js';
import { useSettings } from '../settings/use-settings.js';
import { adminLabel, useDashlyAdmins } from './use-dashly-admins.js';

const DEFAULT = '';
const OTHER = '__other';

/**
 * The `from_admin` of what the operator sends: the `dashly.defaultFromAdmin` setting unless they
 * pick something else; null from here means "the default".
 */
export function useSender(): { fromAdmin: string | undefined; error: string | null } {
  const sender = useAppStore((state) => state.dashlySender);
  if (sender === null) return { fromAdmin: undefined, error: null };
  const value = sender.trim();
  if (!FROM_ADMIN_PATTERN.test(value))
    return { fromAdmin: undefined, error: 'Type the sender’s admin id (digits).' };
  return { fromAdmin: value, error: null };
}

/** Picks the sender: the default setting, `default_admin`, an admin seen in payloads, or a typed id. */
export function SenderPicker() {
  const admins = useDashlyAdmins();
  const sender = useAppStore((state) => state.dashlySender);
  const settings = useSettings();
  const id = useId();
  const configured = (settings?.values['dashly.defaultFromAdmin'] as string | undefined) ?? 'default_admin';
  const configuredAdmin = admins.find((admin) => admin.id === configured);
  const defaultLabel = `Default: ${configuredAdmin ? adminLabel(configuredAdmin) : configured}`;

  const known =
    sender !== null && (sender === 'default_admin' || admins.some((admin) => admin.id === sender));
  const selectValue = sender === null ? DEFAULT : known ? sender : OTHER;
  return (
    <div className="sender-picker">
      <label htmlFor={id}>Send as</label>
      <select
        id={id}
        className="input input-compact"
        value={selectValue}
        onChange={(event) => {
          const value = event.target.value;
          setDashlySender(value === DEFAULT ? null : value === OTHER ? '' : value);
        }}
      >
        <option value={DEFAULT}>{defaultLabel}</option>
        <option value="default_admin">default_admin (Dashly picks)</option>
        {admins.length > 0 && (
          <optgroup label="Seen in payloads">
            {admins.map((admin) => (
              <option key={admin.id} value={admin.id}>
                {adminLabel(admin)}
              </option>
            ))}
          </optgroup>
        )}
        <option value={OTHER}>Other admin id…</option>
      </select>
      {selectValue === OTHER && (
        <input
          className="input input-compact input-id"
          aria-label="Sender admin id"
          inputMode="numeric"
          placeholder="admin id"
          value={sender ?? ''}
          onChange={(event) => setDashlySender(event.target.value)}
        />
      )}
    </div>
  );
}
