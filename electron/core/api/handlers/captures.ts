import type { EventBus } from '../../events/event-bus.js';
import { providerById } from '../../providers/registry.js';
import type { SettingsService } from '../../settings/settings-service.js';
import type { Store } from '../../store/store.js';
import { notFound } from '../api-error.js';
import type { HandlerGroup } from '../handler-types.js';

export function captureHandlers(deps: {
  store: Store;
  events: EventBus;
  settings: SettingsService;
}): HandlerGroup<
  'captures.list' | 'captures.get' | 'captures.delete' | 'captures.clear' | 'captures.star' | 'captures.note'
> {
  const { store, events, settings } = deps;
  return {
    'captures.list': (params) => store.captures.list(params),
    'captures.get': ({ id }) => {
      const capture = store.captures.get(id);
      if (!capture) throw notFound(`Capture ${id}`);
      const provider = providerById(capture.provider);
      const raw = provider.verify ? store.captures.rawRequest(id) : null;
      if (!raw) return capture;
      const checks = provider.verify?.(
        { path: capture.path, ...raw, bodyTruncated: capture.body.truncated },
        settings,
      );
      return { ...capture, ...checks };
    },
    'captures.delete': ({ ids }) => {
      const deleted = store.transaction(() => store.captures.delete(ids));
      events.emit('captures.deleted', { ids });
      return { deleted };
    },
    'captures.star': ({ ids, starred }) => {
      const changed = store.transaction(() => store.captures.star(ids, starred));
      for (const id of changed) {
        const summary = store.captures.summary(id);
        if (summary) events.emit('capture.updated', summary);
      }
      return { ids: changed };
    },
    'captures.note': ({ id, note }) => {
      const text = note.trim() === '' ? null : note;
      const found = store.transaction(() => store.captures.setNote(id, text));
      const summary = found ? store.captures.summary(id) : null;
      if (!summary) throw notFound(`Capture ${id}`);
      events.emit('capture.updated', summary);
      return summary;
    },
    'captures.clear': ({ keepStarred }) => {
      if (keepStarred) {
        const result = store.transaction(() => ({
          deleted: store.captures.delete(store.captures.unstarredIds()),
          kept: store.captures.count({ starred: true }),
        }));
        events.emit('captures.cleared', { keptStarred: true });
        return result;
      }
      const deleted = store.transaction(() => store.captures.clear());
      events.emit('captures.cleared', {});
      return { deleted, kept: 0 };
    },
  };
}
