import { ArrowRight, Braces, ScrollText, UserRound } from 'lucide-react';
import { useMemo, useState } from 'react';
import { KindlyValidation } from '../../../../shared/kindly/validation-result.js';
import type { ConversationDetail } from '../../../../shared/model/conversation.js';
import type { Message } from '../../../../shared/model/message.js';
import { Messages } from '../../conversations/thread-messages.js';
import { formatDateTime } from '../../../lib/format.js';
import { VerdictPill } from '../kindly-reply-composer.js';
import { flattenFindings } from '../model/findings.js';
import { KindlyReplyPreviewCompact } from '../preview/kindly-reply-preview.js';
import { SimulateUserForm } from './simulate-user.js';
import { TranscriptPanel } from './transcript-panel.js';

interface ContextChange {
  key: string;
  from: unknown;
  to: unknown;
  added: boolean;
}

function readChanges(meta: Record<string, unknown>): ContextChange[] {
  const changes = meta.contextChanges;
  if (!Array.isArray(changes)) return [];
  return changes.filter(
    (change): change is ContextChange =>
      typeof change === 'object' && change !== null && typeof (change as ContextChange).key === 'string',
  );
}

function shown(value: unknown): string {
  return typeof value === 'string' ? `“${value}”` : (JSON.stringify(value) ?? 'nothing');
}

const SOURCE_WORDS: Record<string, string> = {
  operator: 'sent by the operator',
  mock: 'from a mock rule',
  fallback: 'fallback answer',
  forward: 'from your bot (forwarded)',
  ack: 'default answer',
};

/** A bot reply recorded from a webhook response: rendered like the widget, with its verdict. */
function BotReply({ message }: { message: Message }) {
  const validation = useMemo(() => {
    const parsed = KindlyValidation.safeParse(message.meta.validation);
    return parsed.success ? parsed.data : null;
  }, [message.meta.validation]);
  const findings = useMemo(() => (validation ? flattenFindings(validation) : []), [validation]);
  const response = message.meta.response as { source?: unknown; status?: unknown } | undefined;
  const source =
    typeof response?.source === 'string' ? (SOURCE_WORDS[response.source] ?? response.source) : null;
  const reply = message.meta.reply;
  return (
    <div className="chat-message chat-right kindly-bot-reply" role="listitem">
      <div className="chat-author">
        Bot reply
        {source && <span className="meta-tag">{source}</span>}
        {validation && <VerdictPill validation={validation} />}
      </div>
      {reply !== null && reply !== undefined ? (
        <div className="kindly-bot-reply-body">
          <KindlyReplyPreviewCompact value={reply} findings={findings} />
        </div>
      ) : (
        <div className="chat-bubble chat-bubble-empty">{message.text}</div>
      )}
      <time className="chat-time">{formatDateTime(message.at)}</time>
    </div>
  );
}

function ContextChanges({ changes }: { changes: ContextChange[] }) {
  if (changes.length === 0) return null;
  return (
    <div className="chat-event kindly-context-change" role="listitem" aria-label="Context changes">
      <Braces size={12} aria-hidden="true" />
      <span>context</span>
      {changes.map((change) => (
        <span key={change.key} className="kindly-context-item">
          <span className="mono">{change.key}</span>
          {change.added ? (
            <>
              {' '}
              = <span className="mono">{shown(change.to)}</span>{' '}
              <span className="kindly-context-new">new</span>
            </>
          ) : (
            <>
              {' '}
              <span className="mono kindly-context-from">{shown(change.from)}</span>
              <ArrowRight size={11} aria-hidden="true" />
              <span className="mono">{shown(change.to)}</span>
            </>
          )}
        </span>
      ))}
    </div>
  );
}

function isBotReply(message: Message): boolean {
  return message.direction === 'to_user' && message.kind === 'reply' && Object.hasOwn(message.meta, 'reply');
}

/**
 * A Kindly chat: the user's messages from the webhooks and the bot's replies (rich-rendered, with
 * context changes as they happen), the transcript Kindly keeps beside it, and "Simulate a user".
 */
export function KindlyThreadBody({ thread }: { thread: ConversationDetail }) {
  const [transcriptOpen, setTranscriptOpen] = useState(false);
  const [simulateOpen, setSimulateOpen] = useState(false);
  const lastUser = [...thread.messages].reverse().find((message) => message.direction === 'to_operator');
  const language = typeof lastUser?.meta.languageCode === 'string' ? lastUser.meta.languageCode : 'en';

  return (
    <div className="kindly-thread">
      <div className="kindly-thread-toolbar">
        <button
          type="button"
          className={`button button-small ${transcriptOpen ? 'button-active' : ''}`}
          aria-pressed={transcriptOpen}
          onClick={() => setTranscriptOpen(!transcriptOpen)}
        >
          <ScrollText size={13} aria-hidden="true" />{' '}
          {transcriptOpen ? 'Hide transcript' : 'Fetch transcript'}
        </button>
        <button
          type="button"
          className={`button button-small ${simulateOpen ? 'button-active' : ''}`}
          aria-pressed={simulateOpen}
          onClick={() => setSimulateOpen(!simulateOpen)}
        >
          <UserRound size={13} aria-hidden="true" /> Simulate a user
        </button>
      </div>
      <div className={`kindly-thread-main ${transcriptOpen ? 'kindly-thread-with-transcript' : ''}`}>
        <Messages
          thread={thread}
          renderMessage={(message) =>
            isBotReply(message) ? <BotReplyWithChanges key={message.id} message={message} /> : null
          }
        />
        {transcriptOpen && <TranscriptPanel chatId={thread.key} onClose={() => setTranscriptOpen(false)} />}
      </div>
      {simulateOpen && (
        <div className="kindly-thread-simulate">
          <SimulateUserForm
            key={thread.key}
            defaultUserId={lastUser?.author.id ?? 'convoscope-test-user'}
            defaultLanguage={language}
            autoFocus
          />
        </div>
      )}
    </div>
  );
}

function BotReplyWithChanges({ message }: { message: Message }) {
  return (
    <>
      <BotReply message={message} />
      <ContextChanges changes={readChanges(message.meta)} />
    </>
  );
}
