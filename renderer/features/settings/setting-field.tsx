import type { ReactNode } from 'react';

/**
 * A settings row whose value is saved by its own Save button: the label, the control (and
 * anything beside it) with the button, and the help below.
 */
export function SettingField({
  id,
  label,
  canSave,
  onSave,
  help,
  helpId,
  helpIsError = false,
  children,
}: {
  /** The control's id, which the label points at. */
  id: string;
  label: ReactNode;
  canSave: boolean;
  onSave: () => unknown;
  help?: ReactNode;
  helpId?: string;
  helpIsError?: boolean;
  children: ReactNode;
}) {
  return (
    <div className="form-row">
      <label htmlFor={id}>{label}</label>
      <div className="form-control-line">
        {children}
        <button
          type="button"
          className="button button-small"
          disabled={!canSave}
          onClick={() => void onSave()}
        >
          Save
        </button>
      </div>
      {help !== undefined && (
        <p id={helpId} className={helpIsError ? 'form-help form-error' : 'form-help'}>
          {help}
        </p>
      )}
    </div>
  );
}
