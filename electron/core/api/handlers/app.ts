import type { AppInfo } from '../../../../shared/contract/methods/app.js';
import type { HandlerGroup } from '../handler-types.js';

export function appHandlers(deps: { info: () => AppInfo }): HandlerGroup<'app.info'> {
  return { 'app.info': () => deps.info() };
}
