import type { EventBus } from '../../events/event-bus.js';
import type { Store } from '../../store/store.js';
import { notFound } from '../api-error.js';
import type { HandlerGroup } from '../handler-types.js';

export function captureHandlers(deps: {
  store: Store;
  events: EventBus;
}): HandlerGroup<'captures.list' | 'captures.get' | 'captures.delete' | 'captures.clear'> {
  const { store, events } = deps;
  return {
    'captures.list': (params) => store.captures.list(params),
    'captures.get': ({ id }) => {
      const capture = store.captures.get(id);
      if (!capture) throw notFound(`Capture ${id}`);
      return capture;
    },
    'captures.delete': ({ ids }) => {
      const deleted = store.transaction(() => store.captures.delete(ids));
      events.emit('captures.deleted', { ids });
      return { deleted };
    },
    'captures.clear': () => {
      const deleted = store.transaction(() => store.captures.clear());
      events.emit('captures.cleared', {});
      return { deleted };
    },
  };
}
