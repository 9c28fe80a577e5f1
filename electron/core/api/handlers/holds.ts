import type { HoldQueue } from '../../responders/hold-queue.js';
import { renderResponse } from '../../responders/render-response.js';
import type { HandlerGroup } from '../handler-types.js';

export function holdHandlers(deps: {
  holds: HoldQueue;
}): HandlerGroup<'holds.list' | 'holds.respond' | 'holds.fallback' | 'holds.abort' | 'holds.resolveAll'> {
  const { holds } = deps;
  return {
    'holds.list': () => holds.list(),
    // The operator's answer is sent exactly as typed: no templating.
    'holds.respond': ({ id, ...spec }) => holds.respond(id, renderResponse(spec, 'operator', null)),
    'holds.fallback': ({ id }) => holds.fallback(id),
    'holds.abort': ({ id }) => holds.abort(id),
    'holds.resolveAll': (params) => ({
      resolved: holds.resolveAll(
        params.action === 'respond'
          ? { kind: 'respond', answer: renderResponse(params.response, 'operator', null) }
          : { kind: params.action },
        params.endpoint,
      ),
    }),
  };
}
