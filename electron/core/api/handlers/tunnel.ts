import type { TunnelService } from '../../tunnel/tunnel-service.js';
import type { HandlerGroup } from '../handler-types.js';

export function tunnelHandlers(deps: {
  tunnel: TunnelService;
}): HandlerGroup<'tunnel.start' | 'tunnel.stop' | 'tunnel.status'> {
  const { tunnel } = deps;
  return {
    'tunnel.start': (input) => tunnel.start(input),
    'tunnel.stop': () => tunnel.stop(),
    'tunnel.status': () => tunnel.status(),
  };
}
