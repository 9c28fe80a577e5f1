import type { SettingsService } from '../../settings/settings-service.js';
import type { HandlerGroup } from '../handler-types.js';

export function settingsHandlers(deps: {
  settings: SettingsService;
}): HandlerGroup<'settings.get' | 'settings.update'> {
  const { settings } = deps;
  return {
    'settings.get': () => settings.snapshot(),
    'settings.update': (patch) => settings.update(patch),
  };
}
