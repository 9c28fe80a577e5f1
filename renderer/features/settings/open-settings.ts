import { useAppStore } from '../../state/store.js';

/** Switches to the Settings view and brings one section into view (the user asked for it). */
export function openSettingsSection(sectionId: string): void {
  useAppStore.getState().setView('settings');
  window.requestAnimationFrame(() => {
    const section = document.getElementById(`settings-${sectionId}`);
    section?.scrollIntoView({ block: 'start' });
    const heading = document.getElementById(`settings-${sectionId}-title`);
    if (heading) {
      heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
    }
  });
}
