import type { AutoResponder } from '../../dashly/auto-responder.js';
import type { HandlerGroup } from '../handler-types.js';

export function autoreplyHandlers(deps: {
  autoResponder: AutoResponder;
}): HandlerGroup<'autoreplies.list' | 'autoreplies.save'> {
  const { autoResponder } = deps;
  return {
    'autoreplies.list': () => autoResponder.current(),
    'autoreplies.save': (config) => autoResponder.save(config),
  };
}
