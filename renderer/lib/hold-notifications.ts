import type { Hold } from '../../shared/model/hold.js';
import { notify, shorten } from './desktop-notifications.js';

/** Tells the user about a new hold while they are in another window. */
export function notifyNewHold(hold: Hold): void {
  const seconds = Math.max(0, Math.round((hold.deadline - hold.now) / 1000));
  notify(
    `Held on ${hold.endpoint} — ${seconds} s to answer`,
    shorten(hold.capture.summary, 160),
    `convoscope-hold-${hold.id}`,
  );
}
