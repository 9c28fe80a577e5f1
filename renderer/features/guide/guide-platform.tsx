import { CheckCircle2, LoaderCircle, Send, TriangleAlert } from 'lucide-react';
import { useState, type ReactNode } from 'react';
import type { CaptureSummary } from '../../../shared/model/capture.js';
import { ProviderBadge, StatusPill } from '../../components/badges.js';
import { CopyButton } from '../../components/copy-button.js';
import { selectCapture } from '../../state/capture-actions.js';
import { closeModal } from '../../state/modal-actions.js';
import { useAppStore } from '../../state/store.js';
import { sendTestWebhook, type TestWebhookProvider } from './test-webhook.js';

type TestState =
  | { phase: 'idle' }
  | { phase: 'sending' }
  | { phase: 'arrived'; capture: CaptureSummary }
  | { phase: 'failed'; message: string };

/** The webhook URL to give a platform: public while the tunnel is online, else the local one. */
function useWebhookUrl(provider: TestWebhookProvider): { url: string; isPublic: boolean } {
  const local = useAppStore(
    (state) =>
      state.appInfo?.endpoints.find((endpoint) => endpoint.provider === provider)?.localUrl ??
      `${state.appInfo?.listenerUrl ?? 'http://127.0.0.1:4545'}/${provider}`,
  );
  const publicUrl = useAppStore((state) =>
    state.tunnel?.state === 'online'
      ? state.tunnel.endpoints.find((endpoint) => endpoint.provider === provider)?.url
      : undefined,
  );
  return publicUrl ? { url: publicUrl, isPublic: true } : { url: local, isPublic: false };
}

/** A platform's step: its webhook URL, where to put it, and a test webhook that shows it arriving. */
export function GuidePlatform({
  provider,
  step,
  title,
  children,
}: {
  provider: TestWebhookProvider;
  step: number;
  title: string;
  /** The platform's own instructions. */
  children: ReactNode;
}) {
  const { url, isPublic } = useWebhookUrl(provider);
  const [test, setTest] = useState<TestState>({ phase: 'idle' });
  const setView = useAppStore((state) => state.setView);
  const titleId = `guide-${provider}-title`;

  const send = async () => {
    setTest({ phase: 'sending' });
    try {
      setTest({ phase: 'arrived', capture: await sendTestWebhook(provider) });
    } catch (error) {
      setTest({ phase: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <section className="guide-step guide-platform" aria-labelledby={titleId}>
      <h3 id={titleId}>
        <span className="guide-step-number" aria-hidden="true">
          {step}
        </span>
        {title}
        <ProviderBadge provider={provider} />
      </h3>
      <div className="guide-url">
        <span className="guide-url-label">
          {isPublic ? 'Public webhook URL' : 'Webhook URL (this machine only)'}
        </span>
        <div className="guide-url-line">
          <code aria-label={`${title} URL`}>{url}</code>
          <CopyButton
            text={url}
            label={`Copy the ${provider === 'dashly' ? 'Dashly' : 'Kindly'} URL`}
            compact
          />
        </div>
      </div>
      <ol className="guide-instructions">{children}</ol>
      <div className="guide-test">
        <button
          type="button"
          className="button button-small"
          disabled={test.phase === 'sending'}
          onClick={() => void send()}
        >
          <Send size={13} aria-hidden="true" /> Send a test webhook
        </button>
        <div className="guide-test-result" role="status" aria-live="polite">
          {test.phase === 'sending' && (
            <div className="guide-arrived-line muted">
              <LoaderCircle size={13} aria-hidden="true" className="spin" /> Sending a sample{' '}
              {provider === 'dashly' ? 'Dashly' : 'Kindly'} webhook to the listener…
            </div>
          )}
          {test.phase === 'arrived' && (
            <div className="guide-arrived">
              <div className="guide-arrived-line">
                <CheckCircle2 size={14} aria-hidden="true" className="guide-ok" />
                <strong>Arrived as capture #{test.capture.id}</strong>
                <StatusPill status={test.capture.status} />
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    closeModal();
                    setView('captures');
                    void selectCapture(test.capture.id);
                  }}
                >
                  Show it
                </button>
              </div>
              <div className="guide-arrived-summary muted">“{test.capture.summary}”</div>
            </div>
          )}
          {test.phase === 'failed' && (
            <div className="guide-arrived-line guide-failed">
              <TriangleAlert size={14} aria-hidden="true" /> {test.message}
            </div>
          )}
        </div>
      </div>
    </section>
  );
}
