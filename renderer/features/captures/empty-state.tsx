import { Radio, Rocket } from 'lucide-react';
import { CopyButton } from '../../components/copy-button.js';
import { openModal } from '../../state/modal-actions.js';
import { useAppStore } from '../../state/store.js';

/** What to do first: the URLs to give Dashly and Kindly, and a command to try it now. */
export function EmptyState() {
  const info = useAppStore((state) => state.appInfo);
  const tunnel = useAppStore((state) => state.tunnel);
  const listener = info?.listenerUrl ?? 'http://127.0.0.1:4545';
  const endpoints = (info?.endpoints ?? []).filter((endpoint) => endpoint.provider !== 'other');
  const online = tunnel?.state === 'online';
  const publicUrl = (prefix: string) => tunnel?.endpoints.find((endpoint) => endpoint.prefix === prefix)?.url;
  const sample = `curl -X POST ${listener}/kindly -H 'Content-Type: application/json' -d '{"chat_id":"demo-chat","bot_id":1,"user_id":"u-1","message":"Hello from curl"}'`;
  return (
    <div className="empty-state">
      <div className="empty-icon">
        <Radio size={28} aria-hidden="true" />
      </div>
      <h2>Waiting for the first webhook</h2>
      <p>
        Convoscope records every request that reaches the listener.{' '}
        {online
          ? 'The tunnel is online: give the platforms these public URLs.'
          : 'Dashly and Kindly only call public addresses: start the public tunnel (top right) to get URLs for them. On this machine:'}
      </p>
      <dl className="endpoint-list">
        {endpoints.map((endpoint) => (
          <div key={endpoint.prefix} className="endpoint-item">
            <dt>{endpoint.provider === 'dashly' ? 'Dashly chat webhook' : 'Kindly dialogue webhook'}</dt>
            <dd>
              <code>{(online && publicUrl(endpoint.prefix)) || endpoint.localUrl}</code>
              <CopyButton
                text={(online && publicUrl(endpoint.prefix)) || endpoint.localUrl}
                label={`Copy ${endpoint.provider} URL`}
                compact
              />
            </dd>
          </div>
        ))}
      </dl>
      <p>
        <button type="button" className="button button-small" onClick={() => openModal('guide')}>
          <Rocket size={14} aria-hidden="true" /> Getting started: set up Dashly and Kindly, send a test
          webhook
        </button>
      </p>
      <p className="muted">Or send one yourself:</p>
      <div className="command-line">
        <code>{sample}</code>
        <CopyButton text={sample} label="Copy command" compact />
      </div>
    </div>
  );
}
