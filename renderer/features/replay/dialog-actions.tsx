import type { ReactNode } from 'react';

export interface DialogAction {
  icon: ReactNode;
  label: string;
  disabled: boolean;
  run: () => unknown;
}

/**
 * A dialog footer: an optional status on the left, then the close button and the main action (left
 * out once the dialog has done its work).
 */
export function DialogActions({
  status,
  closeLabel = 'Cancel',
  onClose,
  action,
}: {
  status?: ReactNode;
  closeLabel?: string;
  onClose: () => void;
  action?: DialogAction;
}) {
  return (
    <>
      {status}
      <span className="capture-spacer" />
      <button type="button" className="button" onClick={onClose}>
        {closeLabel}
      </button>
      {action && (
        <button
          type="button"
          className="button button-primary"
          disabled={action.disabled}
          onClick={() => void action.run()}
        >
          {action.icon} {action.label}
        </button>
      )}
    </>
  );
}
