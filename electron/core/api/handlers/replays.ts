import type { BulkReplays } from '../../replay/bulk-replay.js';
import { resolveSelection } from '../../replay/capture-export.js';
import { toPreparedRequest, type ReplayService } from '../../replay/replay-service.js';
import type { SettingsService } from '../../settings/settings-service.js';
import type { Store } from '../../store/store.js';
import { notFound } from '../api-error.js';
import type { HandlerGroup } from '../handler-types.js';

export function replayHandlers(deps: {
  store: Store;
  settings: SettingsService;
  replays: ReplayService;
  bulk: BulkReplays;
}): HandlerGroup<
  | 'captures.replay'
  | 'replays.preview'
  | 'replays.list'
  | 'replays.get'
  | 'replays.cancel'
  | 'replays.targets'
  | 'replays.bulk'
  | 'replays.bulkStatus'
  | 'replays.bulkCancel'
> {
  const { store, settings, replays, bulk } = deps;
  const detail = (id: number) => {
    const replay = store.replays.get(id);
    if (!replay) throw notFound(`Replay ${id}`);
    return replay;
  };
  return {
    'captures.replay': async ({ id, target, edits, resign, timeoutMs, wait }) => {
      const started = replays.replayCapture(id, target, edits, resign, { timeoutMs });
      if (wait) await started.done;
      return detail(started.summary.id);
    },
    'replays.preview': ({ id, target, edits, resign }) =>
      toPreparedRequest(replays.prepare(id, target, edits, resign)),
    'replays.list': ({ captureId, bulkId, limit, before }) =>
      store.replays.list({ captureId, bulkId }, before, limit),
    'replays.get': ({ id }) => detail(id),
    'replays.cancel': ({ id }) => ({ cancelled: replays.cancel(id) }),
    'replays.targets': ({ captureId }) => replays.targetsFor(captureId),
    'replays.bulk': ({ ids, filter, target, concurrency, resign, timeoutMs }) =>
      bulk.start({
        ids: resolveSelection(store, { ids, filter }),
        target,
        concurrency: concurrency ?? settings.get('replay.bulkConcurrency'),
        resign,
        timeoutMs,
      }),
    'replays.bulkStatus': ({ bulkId, wait }) => (wait ? bulk.wait(bulkId) : bulk.status(bulkId)),
    'replays.bulkCancel': ({ bulkId }) => bulk.cancel(bulkId),
  };
}
