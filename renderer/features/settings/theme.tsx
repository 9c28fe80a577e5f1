import { Monitor, Moon, Sun } from 'lucide-react';
import { useEffect } from 'react';
import { Segmented } from '../../components/segmented.js';
import { saveSettings, useSettings } from './use-settings.js';

type Theme = 'system' | 'light' | 'dark';

function currentTheme(values: Record<string, unknown> | undefined): Theme {
  const theme = values?.['ui.theme'];
  return theme === 'light' || theme === 'dark' ? theme : 'system';
}

/** Pins the document's colour scheme to the saved theme; `system` leaves it to the OS. */
export function useAppliedTheme(): void {
  const settings = useSettings();
  const theme = currentTheme(settings?.values);
  useEffect(() => {
    if (theme === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
  }, [theme]);
}

const NEXT: Record<Theme, Theme> = { system: 'light', light: 'dark', dark: 'system' };
const LABEL: Record<Theme, string> = {
  system: 'Theme: follows the system',
  light: 'Theme: light',
  dark: 'Theme: dark',
};

/** Top-bar button cycling system → light → dark. */
export function ThemeToggle() {
  const settings = useSettings();
  const theme = currentTheme(settings?.values);
  const Icon = theme === 'light' ? Sun : theme === 'dark' ? Moon : Monitor;
  return (
    <button
      type="button"
      className="icon-button top-icon"
      title={`${LABEL[theme]} (click to change)`}
      aria-label={`${LABEL[theme]}. Switch to ${NEXT[theme]}`}
      onClick={() => void saveSettings({ 'ui.theme': NEXT[theme] }, { quiet: true })}
    >
      <Icon size={16} />
    </button>
  );
}

export function AppearanceSettingsSection() {
  const settings = useSettings();
  return (
    <div className="form-row">
      <span className="form-label" id="theme-label">
        Theme
      </span>
      <Segmented<Theme>
        label="Theme"
        value={currentTheme(settings?.values)}
        onChange={(theme) => void saveSettings({ 'ui.theme': theme }, { quiet: true })}
        options={[
          { value: 'system', label: 'System' },
          { value: 'light', label: 'Light' },
          { value: 'dark', label: 'Dark' },
        ]}
      />
      <p className="form-help">Saved for this data folder, so the desktop app and the browser agree.</p>
    </div>
  );
}
