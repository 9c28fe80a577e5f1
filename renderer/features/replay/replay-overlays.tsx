import { BulkDialogOverlay } from './bulk-dialog.js';
import { ReplayEditorOverlay } from './replay-editor.js';
import { ReplayKeys } from './replay-keys.js';
import { ShareDialogOverlay } from './share-dialogs.js';

/** The replay feature's layers over every view: dialogs and keyboard shortcuts. */
export function ReplayOverlays() {
  return (
    <>
      <ReplayKeys />
      <ReplayEditorOverlay />
      <BulkDialogOverlay />
      <ShareDialogOverlay />
    </>
  );
}
