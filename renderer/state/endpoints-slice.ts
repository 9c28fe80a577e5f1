import type { Endpoint } from '../../shared/model/endpoint.js';
import type { SliceCreator } from './store.js';

export interface EndpointsSlice {
  /** Every endpoint as the core has it, sorted by prefix; null until first loaded. */
  endpoints: Endpoint[] | null;
  endpointsError: string | null;
  /** The endpoint open in the Endpoints view. */
  selectedEndpoint: string | null;
}

export const createEndpointsSlice: SliceCreator<EndpointsSlice> = () => ({
  endpoints: null,
  endpointsError: null,
  selectedEndpoint: null,
});
