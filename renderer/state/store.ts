import { create } from 'zustand';
import { createCapturesSlice, type CapturesSlice } from './captures-slice.js';
import { createConversationsSlice, type ConversationsSlice } from './conversations-slice.js';
import { createKindlySlice, type KindlySlice } from './kindly-slice.js';
import { createEndpointsSlice, type EndpointsSlice } from './endpoints-slice.js';
import { createHealthSlice, type HealthSlice } from './health-slice.js';
import { createHoldsSlice, type HoldsSlice } from './holds-slice.js';
import { createModalSlice, type ModalSlice } from './modal-slice.js';
import { createDashlySlice, type DashlySlice } from './dashly-slice.js';
import { createReplaySlice, type ReplaySlice } from './replay-slice.js';
import { createSessionSlice, type SessionSlice } from './session-slice.js';
import { createTunnelSlice, type TunnelSlice } from './tunnel-slice.js';

/** One store built from slices; components select narrowly (useShallow for objects). */
export type AppState = SessionSlice &
  CapturesSlice &
  ConversationsSlice &
  TunnelSlice &
  DashlySlice &
  ReplaySlice &
  EndpointsSlice &
  HoldsSlice &
  HealthSlice &
  ModalSlice &
  KindlySlice;

export const useAppStore = create<AppState>()((...a) => ({
  ...createSessionSlice(...a),
  ...createCapturesSlice(...a),
  ...createConversationsSlice(...a),
  ...createHealthSlice(...a),
  ...createTunnelSlice(...a),
  ...createDashlySlice(...a),
  ...createReplaySlice(...a),
  ...createEndpointsSlice(...a),
  ...createHoldsSlice(...a),
  ...createModalSlice(...a),
  ...createKindlySlice(...a),
}));

export type SliceCreator<T> = (
  set: (partial: Partial<AppState> | ((state: AppState) => Partial<AppState>)) => void,
  get: () => AppState,
  api: unknown,
) => T;
