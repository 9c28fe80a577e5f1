import { moveSelection } from './capture-actions.js';
import { moveConversationSelection } from './conversation-actions.js';
import { moveEndpointSelection } from './endpoint-actions.js';
import { useAppStore } from './store.js';

/** How each view's list moves its selection by one step (`j` / `k`). */
const navigators: Record<string, (delta: number) => void> = {
  captures: moveSelection,
  conversations: moveConversationSelection,
  endpoints: moveEndpointSelection,
};

export function currentViewHasList(): boolean {
  return useAppStore.getState().view in navigators;
}

/** Moves the selection in the current view's list; the selection changes, focus stays where it is. */
export function moveInCurrentList(delta: number): void {
  navigators[useAppStore.getState().view]?.(delta);
}
