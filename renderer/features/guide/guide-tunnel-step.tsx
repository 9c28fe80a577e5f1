import { Globe, LoaderCircle, TriangleAlert } from 'lucide-react';
import { useAppStore } from '../../state/store.js';
import { startTunnel } from '../tunnel/tunnel-actions.js';

/** Step 1: the public tunnel, started from here; the platforms' URLs below follow its state. */
export function GuideTunnelStep() {
  const tunnel = useAppStore((state) => state.tunnel);
  const busy = useAppStore((state) => state.tunnelBusy);
  const state = tunnel?.state ?? 'off';
  return (
    <section className="guide-step" aria-labelledby="guide-tunnel-title">
      <h3 id="guide-tunnel-title">
        <span className="guide-step-number" aria-hidden="true">
          1
        </span>
        Get a public URL
      </h3>
      <p>
        Dashly and Kindly only call addresses on the internet. The public tunnel gives this machine one and
        forwards what arrives to the listener.
      </p>
      <div className="guide-tunnel-line" role="status" aria-live="polite">
        {state === 'online' && (
          <>
            <Globe size={15} aria-hidden="true" className="guide-ok" />
            <span>
              The tunnel is online at <code>{tunnel?.url}</code>. The URLs below are public.
            </span>
          </>
        )}
        {(state === 'connecting' || state === 'reconnecting') && (
          <>
            <LoaderCircle size={15} aria-hidden="true" className="spin" />
            <span>
              {state === 'connecting'
                ? 'Connecting the tunnel…'
                : `Reconnecting (try ${tunnel?.attempt ?? 1})…`}
              {tunnel?.error && <span className="guide-tunnel-error"> {tunnel.error}</span>}
            </span>
          </>
        )}
        {state === 'error' && (
          <>
            <TriangleAlert size={15} aria-hidden="true" className="guide-warn" />
            <span>{tunnel?.error ?? 'The tunnel could not start.'}</span>
          </>
        )}
        {state === 'off' && (
          <span className="muted">The tunnel is off: the URLs below only work on this machine.</span>
        )}
        <span className="capture-spacer" />
        {(state === 'off' || state === 'error') && (
          <button
            type="button"
            className="button button-small button-primary"
            disabled={busy}
            onClick={() => void startTunnel()}
          >
            <Globe size={14} aria-hidden="true" />{' '}
            {state === 'error' ? 'Try again' : 'Start the public tunnel'}
          </button>
        )}
      </div>
    </section>
  );
}
