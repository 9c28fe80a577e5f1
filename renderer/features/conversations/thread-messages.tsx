import { useLayoutEffect, useRef, type ReactNode } from 'react';
import type { ConversationDetail } from '../../../shared/model/conversation.js';
import type { Message } from '../../../shared/model/message.js';
import { MessageBubble } from '../../components/message-bubble.js';

/** Within this many pixels of the end, new messages keep the thread scrolled to the end. */
const STICK_TO_END_PX = 80;

/**
 * A thread's messages, following new ones (and the delivery of the last one) only when the reader
 * is at the end or sent it: never yanked away from what they are reading further up. Providers
 * draw their own kinds of message with `renderMessage` (null falls back to the plain bubble).
 */
export function Messages({
  thread,
  onRetry,
  renderMessage,
}: {
  thread: ConversationDetail;
  onRetry?: (id: number) => Promise<void>;
  renderMessage?: (message: Message) => ReactNode;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const atEnd = useRef(true);
  const shown = useRef<{ key: string; count: number; status: string | undefined } | null>(null);
  const count = thread.messages.length;
  const last = thread.messages.at(-1);

  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    const previous = shown.current;
    const now = { key: thread.key, count, status: last?.status };
    shown.current = now;
    if (previous === null || previous.key !== now.key) {
      element.scrollTop = element.scrollHeight;
      return;
    }
    if (previous.count === now.count && previous.status === now.status) return;
    if (atEnd.current || now.status !== undefined) element.scrollTop = element.scrollHeight;
  }, [thread.key, count, last?.status]);

  return (
    <div
      className="detail-scroll"
      ref={scrollRef}
      onScroll={(event) => {
        const element = event.currentTarget;
        atEnd.current = element.scrollHeight - element.scrollTop - element.clientHeight < STICK_TO_END_PX;
      }}
    >
      <div className="chat-thread" role="list" aria-label="Messages">
        {thread.messages.map(
          (message) =>
            renderMessage?.(message) ?? (
              <MessageBubble key={message.id} message={message} {...(onRetry ? { onRetry } : {})} />
            ),
        )}
      </div>
    </div>
  );
}
