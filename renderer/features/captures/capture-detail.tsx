import { ArrowLeftRight, MessagesSquare, Star, StickyNote, Trash2, TriangleAlert } from 'lucide-react';
import { useState } from 'react';
import type { CaptureDetail as CaptureDetailDto } from '../../../shared/model/capture.js';
import { ProviderBadge, StatusPill } from '../../components/badges.js';
import { BodyViewer } from '../../components/body-viewer.js';
import { CopyButton } from '../../components/copy-button.js';
import { HeadersTable } from '../../components/headers-table.js';
import { LongText } from '../../components/long-text.js';
import { MessageBubble } from '../../components/message-bubble.js';
import { Tabs } from '../../components/tabs.js';
import { headerValue } from '../../lib/body.js';
import { formatBytes } from '../../lib/format.js';
import {
  deleteCaptures,
  setCaptureFilter,
  setEditingNote,
  starCaptures,
} from '../../state/capture-actions.js';
import { openConversation } from '../../state/conversation-actions.js';
import { useAppStore } from '../../state/store.js';
import { WebhookTokenBadge, WebhookTokenBanner } from '../dashly-console/webhook-token-check.js';
import { CaptureNote } from './capture-note.js';
import { KindlyResponseInspection } from '../kindly-studio/capture/kindly-response-inspection.js';
import { SignatureBadge, SignatureBanner } from '../kindly-studio/capture/signature-status.js';
import { CaptureReplayActions } from '../replay/capture-replay-actions.js';
import { ReplaysTab, useReplayCount } from '../replay/replays-tab.js';
import { MessageMeta } from './message-meta.js';
import { ForwardRecordSection, HeldNowNote, HoldRecordSection, responseOrigin } from './responder-records.js';
import { rawRequestText, rawResponseText } from './raw-http.js';

type DetailTab = 'message' | 'request' | 'response' | 'raw' | 'replays';

const TAB_NAMES: Record<DetailTab, string> = {
  message: 'Message',
  request: 'Request',
  response: 'Response',
  raw: 'Raw',
  replays: 'Replays',
};

function queryPairs(path: string): [string, string][] {
  const index = path.indexOf('?');
  if (index === -1) return [];
  try {
    return [...new URLSearchParams(path.slice(index + 1)).entries()];
  } catch {
    return [];
  }
}

function Section({
  title,
  children,
  actions,
}: {
  title: string;
  children: React.ReactNode;
  actions?: React.ReactNode;
}) {
  return (
    <section className="detail-section">
      <header className="detail-section-header">
        <h3>{title}</h3>
        {actions}
      </header>
      {children}
    </section>
  );
}

function DetailBody({ capture }: { capture: CaptureDetailDto }) {
  const hasMessages = capture.messages.length > 0;
  const [tab, setTab] = useState<DetailTab>(hasMessages ? 'message' : 'request');
  const active: DetailTab = tab === 'message' && !hasMessages ? 'request' : tab;
  const query = queryPairs(capture.path);
  const rawRequest = rawRequestText(capture);
  const rawResponse = rawResponseText(capture);
  const replayCount = useReplayCount(capture.id);
  // A replay started from the keyboard or the header shows its result here.
  const replayTabRequest = useAppStore((state) => state.replayTabRequest);
  const [seenTabRequest, setSeenTabRequest] = useState(replayTabRequest);
  if (replayTabRequest !== seenTabRequest) {
    setSeenTabRequest(replayTabRequest);
    if (replayTabRequest?.captureId === capture.id) setTab('replays');
  }

  return (
    <>
      <Tabs<DetailTab>
        label="Capture details"
        active={active}
        onChange={setTab}
        items={[
          { id: 'message', label: `Message${hasMessages ? '' : ' (none)'}`, disabled: !hasMessages },
          { id: 'request', label: 'Request' },
          { id: 'response', label: capture.response ? `Response ${capture.response.status}` : 'Response' },
          { id: 'raw', label: 'Raw' },
          { id: 'replays', label: replayCount ? `Replays (${replayCount})` : 'Replays' },
        ]}
      />
      <div className="detail-scroll" role="tabpanel" aria-label={TAB_NAMES[active]}>
        {active === 'message' && (
          <>
            <div className="chat-thread" role="list">
              {capture.messages.map((message) => (
                <MessageBubble key={message.id} message={message} />
              ))}
            </div>
            <MessageMeta capture={capture} />
          </>
        )}
        {active === 'request' && (
          <>
            {query.length > 0 && (
              <Section title="Query">
                <HeadersTable headers={query} />
              </Section>
            )}
            <Section title={`Headers (${capture.headers.length})`}>
              <HeadersTable headers={capture.headers} />
            </Section>
            <Section title="Body">
              <BodyViewer
                body={capture.body}
                contentType={headerValue(capture.headers, 'content-type')}
                label="Body"
              />
            </Section>
          </>
        )}
        {active === 'response' &&
          (capture.response ? (
            <>
              {capture.provider === 'kindly' && (
                <KindlyResponseInspection
                  body={capture.response.body}
                  status={capture.response.status}
                  captureId={capture.id}
                />
              )}
              <Section title="Status">
                <div className="response-status">
                  <StatusPill status={capture.response.status} />
                  <span>{responseOrigin(capture)}</span>
                  {capture.response.latencyMs !== null && (
                    <span className="muted">{capture.response.latencyMs.toFixed(1)} ms</span>
                  )}
                </div>
              </Section>
              <Section title="Headers">
                <HeadersTable headers={capture.response.headers} />
              </Section>
              <Section title="Body">
                <BodyViewer
                  body={capture.response.body}
                  contentType={headerValue(capture.response.headers, 'content-type')}
                  label="Response body"
                />
              </Section>
              <HoldRecordSection capture={capture} />
              <ForwardRecordSection capture={capture} />
              {capture.provider === 'kindly' &&
                capture.forward?.body &&
                capture.response.source !== 'forward' && (
                  <KindlyResponseInspection
                    body={capture.forward.body}
                    status={capture.forward.status}
                    captureId={capture.id}
                    title="What your bot answered (not sent)"
                  />
                )}
            </>
          ) : (
            <>
              <HeldNowNote captureId={capture.id} />
              <div className="muted detail-pad">No response has been sent yet.</div>
            </>
          ))}
        {active === 'replays' && <ReplaysTab capture={capture} />}
        {active === 'raw' && (
          <>
            <Section title="Request" actions={<CopyButton text={rawRequest} label="Copy request" />}>
              <LongText text={rawRequest} />
            </Section>
            {rawResponse && (
              <Section title="Response" actions={<CopyButton text={rawResponse} label="Copy response" />}>
                <LongText text={rawResponse} />
              </Section>
            )}
          </>
        )}
      </div>
    </>
  );
}

export function CaptureDetail() {
  const detail = useAppStore((state) => state.detail);
  const setView = useAppStore((state) => state.setView);
  if (!detail) {
    return (
      <div className="detail-placeholder">
        <ArrowLeftRight size={22} aria-hidden="true" />
        <p>Select a capture to inspect it.</p>
        <p className="muted">
          <kbd>j</kbd> <kbd>k</kbd> move through the list · <kbd>/</kbd> searches · <kbd>r</kbd> replays ·{' '}
          <kbd>e</kbd> edits and replays · <kbd>?</kbd> all shortcuts
        </p>
      </div>
    );
  }
  if (detail.error) return <div className="inline-error detail-pad">{detail.error}</div>;
  const capture = detail.data;
  if (!capture) return <div className="muted detail-pad">Loading…</div>;
  const conversationKey = capture.conversationKey;

  return (
    <article className="capture-detail" aria-label={`Capture ${capture.id}`} key={capture.id}>
      <header className="detail-header">
        <div className="detail-title">
          <span className="capture-method">{capture.method}</span>
          <h2 className="mono">{capture.path}</h2>
        </div>
        <div className="detail-facts">
          <ProviderBadge provider={capture.provider} />
          {capture.signature && (
            <SignatureBadge signature={capture.signature} warning={capture.signatureWarning ?? null} />
          )}
          {capture.webhookToken && <WebhookTokenBadge check={capture.webhookToken} />}
          <StatusPill status={capture.status} />
          <span>{new Date(capture.receivedAt).toLocaleString()}</span>
          <span>{formatBytes(capture.size)}</span>
          {capture.remoteAddress && <span>from {capture.remoteAddress}</span>}
          {capture.viaTunnel && <span className="meta-tag">via tunnel</span>}
          {capture.origin && (
            <span className="meta-tag">{capture.origin === 'replay' ? 'a replay' : 'imported'}</span>
          )}
          {capture.parsedAs && <span className="meta-tag">parsed as {capture.parsedAs}</span>}
          {capture.forward && (
            <span className={`meta-tag ${capture.forward.error ? 'meta-tag-warn' : ''}`}>
              {capture.forward.error ? 'forward failed' : 'forwarded'}
            </span>
          )}
          {capture.hold && <span className="meta-tag">held</span>}
        </div>
        <div className="detail-actions">
          {conversationKey && (
            <>
              <button
                type="button"
                className="button button-small"
                onClick={() => {
                  setView('conversations');
                  void openConversation(capture.provider, conversationKey);
                }}
              >
                <MessagesSquare size={14} /> Open conversation
              </button>
              <button
                type="button"
                className="button button-small"
                onClick={() => setCaptureFilter({ conversation: conversationKey })}
              >
                Only this conversation
              </button>
            </>
          )}
          <CaptureReplayActions capture={capture} />
          <span className="capture-spacer" />
          {/* Icon buttons: the header holds many actions; names and tooltips say what they do. */}
          <button
            type="button"
            className="button button-small button-icon"
            aria-label={capture.note === undefined ? 'Add note' : 'Edit note'}
            title={capture.note === undefined ? 'Write a note on this capture (n)' : 'Edit the note (n)'}
            onClick={() => setEditingNote(capture.id)}
          >
            <StickyNote size={14} aria-hidden="true" />
          </button>
          <button
            type="button"
            className="button button-small button-icon star-toggle"
            aria-pressed={capture.starred}
            aria-label="Star"
            title={`${capture.starred ? 'Starred: kept' : 'Star to keep it'} when retention cleans up (s)`}
            onClick={() => void starCaptures([capture.id], !capture.starred)}
          >
            <Star size={14} aria-hidden="true" />
          </button>
          <button
            type="button"
            className="button button-small button-icon button-danger"
            onClick={() => void deleteCaptures([capture.id])}
            aria-label="Delete this capture"
            title="Delete this capture"
          >
            <Trash2 size={14} aria-hidden="true" />
          </button>
        </div>
      </header>
      <CaptureNote capture={capture} />
      {capture.signature && (
        <SignatureBanner signature={capture.signature} warning={capture.signatureWarning ?? null} />
      )}
      {capture.webhookToken && <WebhookTokenBanner check={capture.webhookToken} />}
      {capture.parseErrorMessage && (
        <div className="parse-error" role="note">
          <TriangleAlert size={14} aria-hidden="true" />
          <span>
            Could not read this payload: {capture.parseErrorMessage} The raw request is stored unchanged
            below.
          </span>
        </div>
      )}
      <DetailBody capture={capture} />
    </article>
  );
}
