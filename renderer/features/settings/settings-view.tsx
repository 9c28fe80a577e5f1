import { settingsSections } from '../shell/features.js';

/** Every domain's settings, one section each (see settingsSections in shell/features.tsx). */
export function SettingsView() {
  return (
    <div className="settings-view">
      <nav className="settings-nav" aria-label="Settings sections">
        {settingsSections.map((section) => (
          <a key={section.id} href={`#settings-${section.id}`} className="settings-nav-link">
            {section.title}
          </a>
        ))}
      </nav>
      <div className="settings-scroll">
        {settingsSections.map((section) => (
          <section
            key={section.id}
            id={`settings-${section.id}`}
            className="settings-section"
            aria-labelledby={`settings-${section.id}-title`}
          >
            <h2 id={`settings-${section.id}-title`}>{section.title}</h2>
            <section.component />
          </section>
        ))}
      </div>
    </div>
  );
}
