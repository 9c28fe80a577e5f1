import { BulkDialogOverlay } from './bulk-dialog.js';
import { ReplayEditorOverlay } from './replay-editor.js';
import { ShareDialogOverlay } from './share-dialogs.js';

/** The replay feature's layers over every view: its dialogs (its keys are in replay-shortcuts.ts). */
export function ReplayOverlays() {
  return (
    <>
      <ReplayEditorOverlay />
      <BulkDialogOverlay />
      <ShareDialogOverlay />
    </>
  );
}
