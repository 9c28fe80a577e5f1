import type { HoldEndReason, HoldOutcome } from '../../shared/model/responder-records.js';

/** How a hold ended, in plain words (the holds panel's notes and the capture detail share them). */
export function holdEndingText(outcome: HoldOutcome, reason: HoldEndReason, status: number | null): string {
  const sent = status === null ? '' : ` (${status})`;
  switch (outcome) {
    case 'operator':
      return `Answered by you${sent}`;
    case 'aborted':
      return 'Aborted: the connection was closed, nothing was sent';
    case 'sender-gone':
      return 'The sender hung up before an answer; nothing was sent';
    case 'fallback':
      switch (reason) {
        case 'deadline':
          return `Deadline passed: the fallback was sent${sent}`;
        case 'operator':
          return `You sent the fallback${sent}`;
        case 'endpoint-changed':
          return `The endpoint’s settings changed: the fallback was sent${sent}`;
        case 'endpoint-deleted':
          return `The endpoint was deleted: the fallback was sent${sent}`;
        case 'shutdown':
          return `Convoscope quit: the fallback was sent${sent}`;
        default:
          return `The fallback was sent${sent}`;
      }
  }
}

/** The tone of an ending: an answer the operator gave, an automatic one, or none at all. */
export function holdEndingTone(outcome: HoldOutcome): 'ok' | 'auto' | 'none' {
  if (outcome === 'operator') return 'ok';
  if (outcome === 'fallback') return 'auto';
  return 'none';
}
