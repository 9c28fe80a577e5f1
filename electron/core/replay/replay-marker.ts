import type { HeaderList } from '../../../shared/model/http.js';
import { REPLAY_MARKER_HEADER } from '../../../shared/replay/end-to-end-headers.js';
import { headerValue } from '../util/headers.js';
/** Reading the replay marker; what it means is told where it is defined. */

export function replayMarkerOf(headers: HeaderList): string | undefined {
  return headerValue(headers, REPLAY_MARKER_HEADER);
}

export function isReplayMarked(headers: HeaderList): boolean {
  return replayMarkerOf(headers) !== undefined;
}
