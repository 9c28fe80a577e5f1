import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDashlyApi } from '../../helpers/fake-dashly-api.js';
import { httpRequest } from '../../helpers/http.js';
import { startTestCore, type TestCore } from '../../helpers/test-core.js';
import { DASHLY_HEADERS, dashlyForm, dashlyPart } from '../../fixtures/dashly.js';

const API_TOKEN = 'api-token-replay-77aa';
const HOOK_TOKEN = 'hook-token-replay-19be';

describe('replays to the listener never make the Dashly auto-responder write to a chat', () => {
  let app: TestCore;
  let fake: FakeDashlyApi;

  beforeAll(async () => {
    app = await startTestCore();
    fake = await FakeDashlyApi.start({
      token: API_TOKEN,
      webhook: { url: `${app.listenerUrl}/dashly`, token: HOOK_TOKEN },
    });
    await app.call('settings.update', {
      'dashly.apiBaseUrl': fake.url,
      'dashly.apiToken': API_TOKEN,
      'dashly.webhookToken': HOOK_TOKEN,
    });
    await app.call('autoreplies.save', {
      enabled: true,
      cooldownSeconds: 1,
      rules: [{ phrase: 'opening hours', answer: 'We are open 9–17.' }],
    });
  });
  afterAll(async () => {
    await fake.stop();
    await app.stop();
  });

  it('answers the real webhook, but not its replay, an edited replay or a composed message', async () => {
    const part = JSON.stringify(dashlyPart({ body: 'What are your opening hours?' })).replace(
      '"conversation":64558819',
      '"conversation":700001',
    );
    const res = await httpRequest(`${app.listenerUrl}/dashly`, {
      headers: DASHLY_HEADERS,
      body: dashlyForm(part, HOOK_TOKEN),
    });
    expect(res.status).toBe(200);
    // Control: the real webhook is answered once.
    await fake.waitForCall((call) => call.route === '/conversations/700001/reply');
    await fake.settled();
    const callsBefore = fake.received.length;
    const id = (await app.call('captures.list', { provider: 'dashly', limit: 1 })).items[0]!.id;

    const replay = await app.call('captures.replay', { id, target: { kind: 'listener' } });
    expect(replay).toMatchObject({ state: 'ok', status: 200 });
    const recorded = await app.call('captures.get', { id: replay.listenerCaptureId! });
    expect(recorded.origin).toBe('replay');
    expect(recorded.messages[0]?.text).toBe('What are your opening hours?');

    const fields = new URLSearchParams(dashlyForm(part, HOOK_TOKEN));
    await app.call('captures.replay', {
      id,
      target: { kind: 'url', url: `${app.listenerUrl}/dashly` },
      edits: {
        body: {
          form: [...fields.entries()].map(([name, value]) => [
            name,
            name === 'conversation' ? value.replace('What are', 'And what are') : value,
          ]),
        },
      },
    });
    const composed = await app.call('captures.compose', {
      template: 'dashly.lead',
      fields: { body: 'opening hours please', conversationId: '700002' },
      target: { kind: 'listener' },
    });
    expect(composed.replay).toMatchObject({ state: 'ok', status: 200, kind: 'compose' });

    await fake.settled();
    expect(fake.received.length).toBe(callsBefore);
    expect(
      app.logs.filter((line) => /Auto-reply skipped for capture \d+: it is a replay/u.test(line)),
    ).toHaveLength(3);
  });
});
