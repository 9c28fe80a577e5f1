import { useAppStore } from '../../state/store.js';

export function Toast() {
  const toast = useAppStore((state) => state.toast);
  if (!toast) return null;
  return (
    <div className={`toast toast-${toast.tone}`} role={toast.tone === 'error' ? 'alert' : 'status'}>
      {toast.text}
    </div>
  );
}
