import type { Hold, HoldResolved } from '../../shared/model/hold.js';
import type { SliceCreator } from './store.js';

/** A request held open for the operator, with its times on this machine's clock. */
export interface HeldRequest {
  hold: Hold;
  /** Local epoch ms of the deadline: the server's deadline corrected by `deadline − now`. */
  localDeadline: number;
  /** Local epoch ms when it was held, corrected the same way (for the bar's full length). */
  localHeldAt: number;
}

/** A hold that just ended, kept briefly so the panel can say how. */
export interface EndedHold {
  resolved: HoldResolved;
  /** The hold as it was shown, when this tab knew it. */
  hold: Hold | null;
}

export interface HoldsSlice {
  /** Open holds, oldest first. */
  holds: HeldRequest[];
  /** Holds that ended in the last few seconds, newest first. */
  endedHolds: EndedHold[];
  /** The operator folded the panel down to its header. */
  holdsPanelCollapsed: boolean;
}

export const createHoldsSlice: SliceCreator<HoldsSlice> = () => ({
  holds: [],
  endedHolds: [],
  holdsPanelCollapsed: false,
});

/** Converts the server's times to local ones: the countdown must not depend on clock skew. */
export function toHeldRequest(hold: Hold, receivedAt = Date.now()): HeldRequest {
  const skew = receivedAt - hold.now;
  return { hold, localDeadline: hold.deadline + skew, localHeldAt: hold.heldAt + skew };
}
