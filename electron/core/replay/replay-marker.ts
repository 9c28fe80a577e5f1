import type { HeaderList } from '../../../shared/model/http.js';
import { headerValue } from '../util/headers.js';

/**
 * Every replay sent to Convoscope's own listener carries this header, so what it records can be
 * linked to the replay and so nothing there acts on it as if a platform had sent it (the Dashly
 * auto-responder never answers a marked request). A public sender can add the header too; the
 * only effect is that no auto-reply is sent, which is the safe direction.
 */
export const REPLAY_MARKER_HEADER = 'X-Convoscope-Replay';

export function replayMarkerOf(headers: HeaderList): string | undefined {
  return headerValue(headers, REPLAY_MARKER_HEADER);
}

export function isReplayMarked(headers: HeaderList): boolean {
  return replayMarkerOf(headers) !== undefined;
}
