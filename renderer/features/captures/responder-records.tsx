import type { CaptureDetail } from '../../../shared/model/capture.js';
import type { HoldEndReason } from '../../../shared/model/responder-records.js';
import { StatusPill } from '../../components/badges.js';
import { BodyViewer } from '../../components/body-viewer.js';
import { CopyButton } from '../../components/copy-button.js';
import { HeadersTable } from '../../components/headers-table.js';
import { headerValue } from '../../lib/body.js';
import { formatTime } from '../../lib/format.js';
import { holdEndingText } from '../../lib/hold-outcome.js';
import { useAppStore } from '../../state/store.js';

const HOLD_REASON: Record<HoldEndReason, string> = {
  deadline: 'the hold’s deadline passed',
  operator: 'sent by hand from the held requests panel',
  'endpoint-changed': 'the endpoint’s settings changed during the hold',
  'endpoint-deleted': 'the endpoint was deleted during the hold',
  shutdown: 'Convoscope quit during the hold',
  'sender-gone': 'the sender hung up',
};

/** What produced the response, in plain words (`source` and `ruleIndex` of the capture's response). */
export function responseOrigin(capture: CaptureDetail): string {
  const response = capture.response;
  if (!response) return '';
  const rule =
    response.ruleIndex !== null && response.ruleIndex !== undefined ? response.ruleIndex + 1 : null;
  switch (response.source) {
    case 'ack':
      return 'Default answer (ack)';
    case 'mock':
      return rule !== null ? `Mock rule ${rule}` : 'A mock rule';
    case 'fallback': {
      const why = capture.hold
        ? HOLD_REASON[capture.hold.reason]
        : capture.forward?.error
          ? 'the target failed'
          : capture.forward
            ? 'the target’s answer counted as a failure'
            : 'no rule matched';
      return rule !== null ? `Fallback from rule ${rule} (${why})` : `The endpoint’s fallback (${why})`;
    }
    case 'forward':
      return 'Your server’s answer, forwarded';
    case 'operator':
      return 'Answered by hand (held request)';
    case 'auth':
      return 'Rejected: the signature or token check failed';
    case 'limit':
      return 'Rejected: larger than the listener’s body limit';
    case 'error':
      return 'Convoscope could not answer normally (see the log)';
    default:
      return response.source;
  }
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="detail-section">
      <header className="detail-section-header">
        <h3>{title}</h3>
      </header>
      {children}
    </section>
  );
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** The forward to the user's server: where, how it went, and its answer when the sender got another. */
export function ForwardRecordSection({ capture }: { capture: CaptureDetail }) {
  const forward = capture.forward;
  if (!forward) return null;
  const sent = capture.response;
  const sameAnswer =
    forward.body !== null &&
    sent !== null &&
    sent.status === forward.status &&
    sent.body.base64 === forward.body.base64;
  return (
    <Section title="Forwarded to your server">
      <table className="kv-table meta-table responder-table">
        <tbody>
          <tr>
            <th scope="row">Target</th>
            <td>
              <span className="responder-target">
                <span className="mono break">
                  {forward.method} {forward.url}
                </span>
                <CopyButton text={forward.url} label="Copy target URL" compact />
              </span>
            </td>
          </tr>
          <tr>
            <th scope="row">Its answer</th>
            <td>
              {forward.status !== null ? (
                <StatusPill status={forward.status} />
              ) : (
                <span className="muted">none</span>
              )}
              {forward.durationMs !== null && (
                <span className="muted"> after {forward.durationMs.toFixed(1)} ms</span>
              )}
              <span className="muted"> · started {formatTime(forward.startedAt)}</span>
            </td>
          </tr>
          {forward.error && (
            <tr>
              <th scope="row">Failure</th>
              <td className="responder-error">{forward.error}</td>
            </tr>
          )}
        </tbody>
      </table>
      {forward.body !== null &&
        (sameAnswer ? (
          <p className="form-help">The sender got exactly your server’s answer, shown above.</p>
        ) : (
          <div className="forward-answer">
            <h4 className="forward-answer-title">
              Your server’s answer (the sender got the one above instead)
            </h4>
            <HeadersTable headers={forward.headers} />
            <BodyViewer
              body={forward.body}
              contentType={headerValue(forward.headers, 'content-type')}
              label="Target response body"
            />
          </div>
        ))}
    </Section>
  );
}

/** How the request's hold went: when it was held, its deadline and how it ended. */
export function HoldRecordSection({ capture }: { capture: CaptureDetail }) {
  const hold = capture.hold;
  if (!hold) return null;
  return (
    <Section title="Held for the operator">
      <table className="kv-table meta-table responder-table">
        <tbody>
          <tr>
            <th scope="row">Outcome</th>
            <td>
              <strong>{holdEndingText(hold.outcome, hold.reason, capture.response?.status ?? null)}</strong>
            </td>
          </tr>
          <tr>
            <th scope="row">Endpoint</th>
            <td className="mono">{hold.endpoint}</td>
          </tr>
          <tr>
            <th scope="row">Held</th>
            <td>
              {formatTime(hold.heldAt)} · ended after {seconds(hold.endedAt - hold.heldAt)} of the{' '}
              {seconds(hold.deadline - hold.heldAt)} allowed
            </td>
          </tr>
        </tbody>
      </table>
    </Section>
  );
}

/** While the request is still held: say so, instead of "no response yet". */
export function HeldNowNote({ captureId }: { captureId: number }) {
  const held = useAppStore((state) => state.holds.some((entry) => entry.hold.captureId === captureId));
  if (!held) return null;
  return (
    <p className="held-now-note" role="note">
      This request is held open: answer it in the held requests panel before its deadline.
    </p>
  );
}
