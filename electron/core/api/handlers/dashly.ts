import { dashlyApiPresets } from '../../../../shared/dashly/presets.js';
import type { DashlyOperator } from '../../dashly/dashly-operator.js';
import type { Store } from '../../store/store.js';
import type { HandlerGroup } from '../handler-types.js';

export function dashlyHandlers(deps: {
  store: Store;
  operator: DashlyOperator;
}): HandlerGroup<
  | 'dashly.reply'
  | 'dashly.retry'
  | 'dashly.assign'
  | 'dashly.close'
  | 'dashly.tag'
  | 'dashly.typing'
  | 'dashly.admins'
  | 'dashly.calls'
  | 'dashly.presets'
> {
  const { store, operator } = deps;
  return {
    'dashly.reply': (params) => operator.reply(params),
    'dashly.retry': ({ messageId }) => operator.retry(messageId),
    'dashly.assign': (params) => operator.assign(params),
    'dashly.close': (params) => operator.close(params),
    'dashly.tag': (params) => operator.tag(params),
    'dashly.typing': (params) => operator.typing(params),
    'dashly.admins': ({ limit }) => store.dashlyAdmins.list(limit),
    'dashly.calls': ({ conversationId, limit, before }) =>
      store.apiCalls.list({ provider: 'dashly', conversationKey: conversationId, limit, before }),
    'dashly.presets': () => dashlyApiPresets.map((preset) => ({ ...preset })),
  };
}
