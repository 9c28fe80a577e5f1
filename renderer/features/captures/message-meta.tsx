import type { CaptureDetail } from '../../../shared/model/capture.js';
import { JsonTree } from '../../components/json-tree.js';
import { WebhookTokenBadge } from '../dashly-console/webhook-token-check.js';

/** Provider facts beside the message: Kindly context and exchange, Dashly tags, assignee, state. */
export function MessageMeta({ capture }: { capture: CaptureDetail }) {
  const message = capture.messages[0];
  if (!message) return null;
  const meta = message.meta;
  const rows: [string, React.ReactNode][] = [];
  const text = (value: unknown) =>
    typeof value === 'string' || typeof value === 'number' ? String(value) : null;

  rows.push(['Conversation', <span className="mono">{message.conversationKey}</span>]);
  if (capture.provider === 'kindly') {
    if (text(meta.exchangeId))
      rows.push(['Dialogue (exchange)', <span className="mono">{text(meta.exchangeId)}</span>]);
    if (text(meta.languageCode)) rows.push(['Language', text(meta.languageCode)]);
    if (text(meta.source)) rows.push(['Source', text(meta.source)]);
    if (text(meta.webUrl)) rows.push(['Page', <span className="mono break">{text(meta.webUrl)}</span>]);
    if (meta.context && typeof meta.context === 'object' && Object.keys(meta.context).length > 0) {
      rows.push(['Context', <JsonTree value={meta.context} defaultDepth={1} />]);
    }
  }
  if (capture.provider === 'dashly') {
    if (capture.webhookToken)
      rows.push(['Webhook token', <WebhookTokenBadge check={capture.webhookToken} />]);
    if (text(meta.partId)) rows.push(['Part id', <span className="mono">{text(meta.partId)}</span>]);
    if (text(meta.randomId)) rows.push(['random_id', <span className="mono">{text(meta.randomId)}</span>]);
    if (text(meta.sentVia)) rows.push(['Sent via', text(meta.sentVia)]);
    const assignee = meta.assignee as { name?: string | null; id?: string | null } | null | undefined;
    if (assignee)
      rows.push(['Assignee', `${assignee.name ?? ''} ${assignee.id ? `(${assignee.id})` : ''}`.trim()]);
    if (Array.isArray(meta.conversationTags)) {
      rows.push(['Tags', meta.conversationTags.length ? meta.conversationTags.join(', ') : 'none']);
    }
    if (typeof meta.conversationClosed === 'boolean')
      rows.push(['State', meta.conversationClosed ? 'closed' : 'open']);
  }
  return (
    <table className="kv-table meta-table">
      <tbody>
        {rows.map(([label, value]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
