import type { Store } from '../../store/store.js';
import { ApiError, notFound } from '../api-error.js';
import type { HandlerGroup } from '../handler-types.js';

export function templateHandlers(deps: {
  store: Store;
  now?: () => number;
}): HandlerGroup<'templates.list' | 'templates.save' | 'templates.delete'> {
  const { store } = deps;
  const now = deps.now ?? Date.now;
  return {
    'templates.list': ({ provider }) => store.templates.list(provider),
    'templates.save': ({ id, name, provider, body }) =>
      store.transaction(() => {
        const sameName = store.templates.byName(provider, name);
        if (sameName && sameName.id !== id) {
          throw new ApiError(
            'conflict',
            `A ${provider} template named "${name}" already exists (id ${sameName.id}).`,
            {
              id: sameName.id,
            },
          );
        }
        let savedId: number;
        if (id === undefined) savedId = store.templates.insert({ name, provider, body }, now());
        else if (store.templates.update(id, { name, provider, body }, now())) savedId = id;
        else throw notFound(`Template ${id}`);
        const saved = store.templates.get(savedId);
        if (!saved) throw notFound(`Template ${savedId}`);
        return saved;
      }),
    'templates.delete': ({ id }) => {
      if (!store.templates.delete(id)) throw notFound(`Template ${id}`);
      return { deleted: true as const };
    },
  };
}
