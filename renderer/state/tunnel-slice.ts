import type { TunnelStatus } from '../../shared/model/tunnel.js';
import type { SliceCreator } from './store.js';

export interface TunnelSlice {
  /** The tunnel's status as the core reports it; null until first loaded. */
  tunnel: TunnelStatus | null;
  tunnelBusy: boolean;
}

export const createTunnelSlice: SliceCreator<TunnelSlice> = () => ({ tunnel: null, tunnelBusy: false });
