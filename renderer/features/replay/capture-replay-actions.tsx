import { Pencil, RotateCw, TerminalSquare } from 'lucide-react';
import type { CaptureDetail } from '../../../shared/model/capture.js';
import { ApiCallError, call } from '../../api/client.js';
import {
  base64ToBlobPart,
  downloadFile,
  openReplayEditor,
  replayToLastTarget,
} from '../../state/replay-actions.js';
import { useAppStore } from '../../state/store.js';

async function copyCurl(capture: CaptureDetail): Promise<void> {
  const toast = useAppStore.getState().showToast;
  try {
    const result = await call('captures.curl', { id: capture.id });
    await navigator.clipboard.writeText(result.command);
    if (result.bodyFile) {
      downloadFile(
        result.bodyFile.name,
        [base64ToBlobPart(result.bodyFile.base64)],
        'application/octet-stream',
      );
      toast(
        `Copied as cURL. The binary body was saved as ${result.bodyFile.name}; run the command next to it.`,
      );
    } else toast('Copied as cURL (to the listener; edit the URL to send it elsewhere).');
  } catch (error) {
    toast(`Could not copy: ${error instanceof ApiCallError ? error.message : String(error)}`, 'error');
  }
}

/** Replay, Edit & replay and Copy as cURL in the capture detail header. */
export function CaptureReplayActions({ capture }: { capture: CaptureDetail }) {
  return (
    <>
      <button
        type="button"
        className="button button-small"
        onClick={() => void replayToLastTarget(capture.id)}
        title="Replay to the last target used for this endpoint (r)"
      >
        <RotateCw size={14} /> Replay
      </button>
      <button
        type="button"
        className="button button-small"
        onClick={() => openReplayEditor(capture.id)}
        title="Edit the request and choose where it goes (e)"
      >
        <Pencil size={14} /> Edit &amp; replay
      </button>
      <button type="button" className="button button-small" onClick={() => void copyCurl(capture)}>
        <TerminalSquare size={14} /> Copy as cURL
      </button>
    </>
  );
}
