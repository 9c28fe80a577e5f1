import type { Message } from '../../shared/model/message.js';
import { notify, shorten } from './desktop-notifications.js';

/** Failed messages already told about; a retry that fails again is told again. */
const told = new Set<number>();

/**
 * Tells the user when a Dashly reply (or note, or auto-reply) the app sent failed, while they are in
 * another window: the reply never reached the customer. Called with every `message.updated`.
 */
export function notifyIfReplyFailed(message: Message): void {
  if (message.provider !== 'dashly' || message.captureId !== null) return;
  if (message.status !== 'failed') {
    told.delete(message.id);
    return;
  }
  if (told.has(message.id)) return;
  told.add(message.id);
  const what = message.automatic
    ? 'Auto-reply'
    : message.kind === 'reply_admin'
      ? 'Reply'
      : message.kind === 'note'
        ? 'Note'
        : 'Operator action';
  notify(
    `${what} to Dashly conversation ${message.conversationKey} failed`,
    shorten(`${message.error ?? 'Not sent.'} — “${message.text}”`, 200),
    `convoscope-reply-${message.id}`,
  );
}
