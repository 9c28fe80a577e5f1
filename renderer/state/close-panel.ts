import { selectCapture } from './capture-actions.js';
import { closeConversation } from './conversation-actions.js';
import { useAppStore } from './store.js';

/**
 * Closes the innermost open thing: a dialog or popover first (they close on Escape), then the
 * open detail of the current view. Bound to Ctrl/Cmd+W in the desktop app.
 */
export function closeCurrentPanel(): void {
  const open = document.querySelector('[role="dialog"]');
  if (open) {
    (document.activeElement instanceof HTMLElement ? document.activeElement : document.body).dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }),
    );
    return;
  }
  const state = useAppStore.getState();
  if (state.view === 'captures' && state.selectedCaptureId !== null) void selectCapture(null);
  else if (state.view === 'conversations' && state.selectedConversation) closeConversation();
}
