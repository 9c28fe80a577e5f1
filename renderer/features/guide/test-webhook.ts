import type { CaptureSummary } from '../../../shared/model/capture.js';
import { call } from '../../api/client.js';

export type TestWebhookProvider = 'dashly' | 'kindly';

/**
 * Realistic samples, built by `captures.compose` exactly as each platform sends them (Dashly's
 * form-encoded chat part, Kindly's signed dialogue JSON) and sent to the listener's provider path.
 * Composed requests carry the replay marker, so the Dashly auto-responder leaves them alone.
 */
const SAMPLES = {
  dashly: {
    template: 'dashly.lead',
    fields: { body: 'Hi! This is a test message from the Convoscope guide.' },
  },
  kindly: {
    template: 'kindly.message',
    fields: {
      message: 'Hi! This is a test message from the Convoscope guide.',
      webHost: 'shop.example.com',
      webPath: '/help',
      webUrl: 'https://shop.example.com/help',
    },
  },
} as const;

/** Sends a sample webhook to the listener and answers the capture it recorded. */
export async function sendTestWebhook(provider: TestWebhookProvider): Promise<CaptureSummary> {
  const { replay } = await call('captures.compose', {
    ...SAMPLES[provider],
    target: { kind: 'listener' },
    timeoutMs: 15_000,
  });
  if (!replay) throw new Error('Nothing was sent.');
  // A hold-mode endpoint may still be waiting for an answer: the request is recorded all the same.
  if (replay.listenerCaptureId !== null) return call('captures.get', { id: replay.listenerCaptureId });
  throw new Error(
    replay.error ?? `The listener answered ${replay.status ?? 'nothing'} but recorded no capture.`,
  );
}
