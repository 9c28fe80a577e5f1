import { CircleAlert, Globe, LoaderCircle, Power, TriangleAlert } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import type { TunnelStatus } from '../../../shared/model/tunnel.js';
import { CopyButton } from '../../components/copy-button.js';
import { useAppStore } from '../../state/store.js';
import { startTunnel, stopTunnel } from './tunnel-actions.js';

function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [active]);
  return now;
}

function hostOf(url: string | null): string {
  if (!url) return '';
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** One line for the pill: what state the tunnel is in, in plain words. */
export function tunnelSummary(status: TunnelStatus | null, now: number): string {
  if (!status || status.state === 'off') return 'Tunnel off';
  switch (status.state) {
    case 'connecting':
      return 'Connecting…';
    case 'online':
      return hostOf(status.url);
    case 'reconnecting': {
      const wait = status.nextRetryAt ? Math.max(0, Math.ceil((status.nextRetryAt - now) / 1000)) : null;
      return wait === null || wait === 0
        ? `Reconnecting (try ${status.attempt})…`
        : `Reconnecting in ${wait}s (try ${status.attempt})`;
    }
    case 'error':
      return 'Tunnel error';
  }
}

function TunnelPanel({ status, onClose }: { status: TunnelStatus | null; onClose: () => void }) {
  const busy = useAppStore((state) => state.tunnelBusy);
  const setView = useAppStore((state) => state.setView);
  const running = status !== null && status.state !== 'off';
  const subdomainChanged =
    status?.state === 'online' &&
    status.requestedSubdomain !== null &&
    status.grantedSubdomain !== null &&
    status.requestedSubdomain !== status.grantedSubdomain;
  return (
    <div className="popover tunnel-panel" role="dialog" aria-label="Public tunnel">
      <header className="popover-header">
        <h2>Public tunnel</h2>
        {running ? (
          <button
            type="button"
            className="button button-small"
            disabled={busy}
            onClick={() => void stopTunnel()}
          >
            <Power size={14} /> Stop
          </button>
        ) : (
          <button
            type="button"
            className="button button-small button-primary"
            disabled={busy}
            onClick={() => void startTunnel()}
          >
            <Power size={14} /> Start
          </button>
        )}
      </header>
      {subdomainChanged && (
        <div className="callout callout-warn" role="alert">
          <TriangleAlert size={16} aria-hidden="true" />
          <div>
            <strong>The public URL changed.</strong> The server gave <code>{status.grantedSubdomain}</code>{' '}
            instead of <code>{status.requestedSubdomain}</code>. Dashly and Kindly still call the old URL:
            update them, or wait — Convoscope asks for the old name again once the server frees it.
          </div>
        </div>
      )}
      {status?.warnings
        .filter((warning) => !subdomainChanged || !/subdomain|URL/iu.test(warning))
        .map((warning) => (
          <div key={warning} className="callout callout-warn">
            <TriangleAlert size={16} aria-hidden="true" />
            <div>{warning}</div>
          </div>
        ))}
      {status?.error && status.state !== 'online' && (
        <div className="callout callout-error" role="alert">
          <CircleAlert size={16} aria-hidden="true" />
          <div>{status.error}</div>
        </div>
      )}
      {status?.state === 'online' && status.url ? (
        <>
          <div className="tunnel-url-row">
            <span className="muted">Public URL</span>
            <code>{status.url}</code>
            <CopyButton text={status.url} label="Copy public URL" compact />
          </div>
          <p className="muted tunnel-hint">Give the platforms these webhook URLs:</p>
          <dl className="endpoint-list compact">
            {status.endpoints.map((endpoint) => (
              <div key={endpoint.prefix} className="endpoint-item">
                <dt>
                  {endpoint.provider === 'dashly'
                    ? 'Dashly'
                    : endpoint.provider === 'kindly'
                      ? 'Kindly'
                      : endpoint.prefix}
                </dt>
                <dd>
                  <code>{endpoint.url}</code>
                  <CopyButton text={endpoint.url} label={`Copy ${endpoint.prefix} URL`} compact />
                </dd>
              </div>
            ))}
          </dl>
          {status.connectedSockets !== null && status.maxSockets !== null && (
            <p className="muted tunnel-hint">
              {status.connectedSockets} of {status.maxSockets} tunnel connections open · online since{' '}
              {new Date(status.since).toLocaleTimeString()}
            </p>
          )}
        </>
      ) : (
        !status?.error && (
          <p className="muted tunnel-hint">
            {running
              ? 'Opening the tunnel…'
              : 'Start the tunnel to get a public URL for Dashly and Kindly. Requests that come through it are marked “via tunnel”.'}
          </p>
        )
      )}
      <footer className="popover-footer">
        <span className="muted">
          {status?.host ?? ''}
          {status?.requestedSubdomain ? ` · ${status.requestedSubdomain}` : ''}
        </span>
        <button
          type="button"
          className="link-button"
          onClick={() => {
            setView('settings');
            onClose();
          }}
        >
          Tunnel settings
        </button>
      </footer>
    </div>
  );
}

/** The prominent status control in the top bar: state at a glance, details and actions on click. */
export function TunnelControl() {
  const status = useAppStore((state) => state.tunnel);
  const [open, setOpen] = useState(false);
  const wrap = useRef<HTMLDivElement>(null);
  const now = useNow(status?.state === 'reconnecting');

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!wrap.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    window.addEventListener('pointerdown', onPointer);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('pointerdown', onPointer);
      window.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const state = status?.state ?? 'off';
  const changed =
    state === 'online' &&
    status?.requestedSubdomain &&
    status.grantedSubdomain &&
    status.requestedSubdomain !== status.grantedSubdomain;
  const warn = changed || (status?.warnings.length ?? 0) > 0;
  return (
    <div className="tunnel-control" ref={wrap}>
      <button
        type="button"
        className={`tunnel-pill tunnel-${state} ${warn ? 'tunnel-warned' : ''}`}
        aria-expanded={open}
        aria-haspopup="dialog"
        aria-label={`Public tunnel: ${tunnelSummary(status, now)}${warn ? ' (needs attention)' : ''}`}
        onClick={() => setOpen(!open)}
      >
        {state === 'connecting' || state === 'reconnecting' ? (
          <LoaderCircle size={14} className="spin" aria-hidden="true" />
        ) : warn ? (
          <TriangleAlert size={14} aria-hidden="true" />
        ) : (
          <Globe size={14} aria-hidden="true" />
        )}
        <span>{tunnelSummary(status, now)}</span>
      </button>
      {open && <TunnelPanel status={status} onClose={() => setOpen(false)} />}
    </div>
  );
}
