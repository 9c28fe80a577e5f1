import type { SliceCreator } from './store.js';

/** The app-wide dialogs; one is open at a time. */
export type ModalName = 'shortcuts' | 'guide' | 'clear-captures';

export interface ModalSlice {
  modal: ModalName | null;
}

export const createModalSlice: SliceCreator<ModalSlice> = () => ({ modal: null });
