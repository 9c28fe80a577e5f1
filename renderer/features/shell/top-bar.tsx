import { Tabs } from '../../components/tabs.js';
import { useAppStore } from '../../state/store.js';
import { topBarItems, views } from './features.js';
import type { ViewDefinition } from './registry.js';

function ViewLabel({ view }: { view: ViewDefinition }) {
  const badge = view.useBadge?.() ?? null;
  return (
    <>
      {view.label}
      {badge !== null && badge > 0 && (
        <span className="tab-badge" aria-label={`${badge} waiting`}>
          {badge}
        </span>
      )}
    </>
  );
}

export function TopBar() {
  const view = useAppStore((state) => state.view);
  const setView = useAppStore((state) => state.setView);
  return (
    <header className="top-bar">
      <div className="brand">
        <img src="/favicon.svg" alt="" width={22} height={22} />
        <span>Convoscope</span>
      </div>
      <Tabs
        label="Views"
        active={view}
        onChange={setView}
        items={views.map((definition) => ({ id: definition.id, label: <ViewLabel view={definition} /> }))}
      />
      <div className="top-bar-spacer" />
      {topBarItems.map((item) => (
        <item.component key={item.id} />
      ))}
    </header>
  );
}
