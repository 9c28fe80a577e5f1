import { useState } from 'react';
import { saveSettings } from './use-settings.js';

/**
 * A write-only secret: the UI only knows whether it is set. Typing a new value replaces it; the old
 * value is never shown (the core does not send it).
 */
export function SecretField({
  settingKey,
  label,
  state,
  help,
}: {
  settingKey: string;
  label: string;
  state: 'set' | 'unset' | undefined;
  help?: string;
}) {
  const [value, setValue] = useState('');
  const id = `secret-${settingKey}`;
  return (
    <div className="form-row">
      <label htmlFor={id}>{label}</label>
      <div className="form-control-line">
        <input
          id={id}
          type="password"
          autoComplete="off"
          placeholder={state === 'set' ? '•••••••• (set — type to replace)' : 'Not set'}
          value={value}
          onChange={(event) => setValue(event.target.value)}
        />
        <button
          type="button"
          className="button button-small"
          disabled={value === ''}
          onClick={() => void saveSettings({ [settingKey]: value }).then((ok) => ok && setValue(''))}
        >
          Save
        </button>
        {state === 'set' && (
          <button
            type="button"
            className="button button-small button-danger"
            onClick={() => void saveSettings({ [settingKey]: null })}
          >
            Clear
          </button>
        )}
        <span className={`secret-state secret-${state ?? 'unset'}`}>
          {state === 'set' ? 'set' : 'not set'}
        </span>
      </div>
      {help && <p className="form-help">{help}</p>}
    </div>
  );
}
