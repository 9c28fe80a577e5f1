import { Settings } from 'lucide-react';
import { useAppStore } from '../../../state/store.js';

/** The Settings view, scrolled to the Kindly section (keys, secret, base URL). */
export function openKindlySettings(): void {
  useAppStore.getState().setView('settings');
  // The section exists once the view has rendered.
  window.requestAnimationFrame(() =>
    document.getElementById('settings-kindly')?.scrollIntoView({ block: 'start' }),
  );
}

export function OpenKindlySettings({ label = 'Open Kindly settings' }: { label?: string }) {
  return (
    <button type="button" className="link-button ks-settings-link" onClick={openKindlySettings}>
      <Settings size={12} aria-hidden="true" /> {label}
    </button>
  );
}
