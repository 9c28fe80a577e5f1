import { createHmac, timingSafeEqual } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventBus } from '../../../electron/core/events/event-bus.js';
import { startListener, type Listener } from '../../../electron/core/listener/listener-server.js';
import type { ProviderChecks, StoredRequest } from '../../../electron/core/providers/provider.js';
import { EndpointResponder } from '../../../electron/core/responders/endpoint-responder.js';
import { EndpointService } from '../../../electron/core/responders/endpoint-service.js';
import { HoldQueue } from '../../../electron/core/responders/hold-queue.js';
import { CaptureWriter } from '../../../electron/core/store/capture-writer.js';
import { Store } from '../../../electron/core/store/store.js';
import { headerValue } from '../../../electron/core/util/headers.js';
import { httpRequest } from '../../helpers/http.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { waitFor } from '../../helpers/wait-for.js';
import { KINDLY_HEADERS } from '../../fixtures/kindly.js';

const SECRET = 'examplekey';

/** Kindly's documented check (docs/kindly.md §2), standing in for the provider's verify hook. */
function kindlyVerify(request: StoredRequest): ProviderChecks {
  const header = headerValue(request.headers, 'kindly-hmac');
  if (header === undefined) return { signature: 'unsigned' };
  const expected = Buffer.from(createHmac('sha256', SECRET).update(request.body).digest('base64'));
  const given = Buffer.from(header);
  return {
    signature: expected.length === given.length && timingSafeEqual(expected, given) ? 'verified' : 'mismatch',
  };
}

describe('rejectInvalidAuth on an endpoint (real listener and store)', () => {
  const temp = makeTempDir();
  let store: Store;
  let writer: CaptureWriter;
  let responder: EndpointResponder;
  let endpoints: EndpointService;
  let listener: Listener;

  beforeAll(async () => {
    store = Store.open(temp.dir);
    const events = new EventBus();
    writer = new CaptureWriter(store, () => {});
    const holds = new HoldQueue(events);
    endpoints = new EndpointService({
      repository: store.endpoints,
      events,
      holds,
      listenerPort: () => null,
      log: () => {},
    });
    responder = new EndpointResponder({
      endpoints,
      holds,
      verify: (provider, request) => (provider === 'kindly' ? kindlyVerify(request) : {}),
      storeLimit: () => 1024 * 1024,
      log: () => {},
    });
    listener = await startListener(0, {
      writer,
      responder: () => responder,
      maxBodyBytes: () => 1024 * 1024,
      isTunnelHost: () => false,
      log: () => {},
    });
  });
  afterAll(async () => {
    responder.close();
    await listener.close();
    writer.close();
    store.close();
    temp.remove();
  });

  it('answers 401 to a wrong or missing signature and records it; a valid one gets the mode’s answer', async () => {
    endpoints.save({
      prefix: '/kindly',
      mode: 'mock',
      rejectInvalidAuth: true,
      rules: [{ enabled: true, match: {}, response: { body: { reply: 'ok' } } }],
    });
    const body = '{"foo":1,"bar":2}';
    // The test vector from Kindly's documentation.
    const signed = await httpRequest(`${listener.url}/kindly`, {
      body,
      headers: { ...KINDLY_HEADERS, 'kindly-hmac': 'uEeD0Q7eW9btdx6LFvvlpwkzQBWdbknsQkg1C27Cx7Q=' },
    });
    expect(signed.status).toBe(200);
    expect(signed.text).toBe('{"reply":"ok"}');

    const forged = await httpRequest(`${listener.url}/kindly`, {
      body,
      headers: { ...KINDLY_HEADERS, 'kindly-hmac': 'AAAAD0Q7eW9btdx6LFvvlpwkzQBWdbknsQkg1C27Cx7Q=' },
    });
    expect(forged.status).toBe(401);
    expect(JSON.parse(forged.text)).toEqual({ error: 'Invalid Kindly-HMAC signature' });
    const unsigned = await httpRequest(`${listener.url}/kindly`, { body, headers: KINDLY_HEADERS });
    expect(unsigned.status).toBe(401);

    const rows = await waitFor(() => {
      const { items } = store.captures.list({ limit: 3 });
      return items.length === 3 ? items : undefined;
    }, 'three captures');
    expect(rows.map((row) => row.status)).toEqual([401, 401, 200]);
    expect(store.captures.get(rows[0]!.id)?.response?.source).toBe('auth');
  });

  it('lets everything through when the flag is off', async () => {
    endpoints.save({ prefix: '/kindly', mode: 'ack' });
    const res = await httpRequest(`${listener.url}/kindly`, {
      body: '{}',
      headers: { ...KINDLY_HEADERS, 'kindly-hmac': 'wrong' },
    });
    expect(res.status).toBe(200);
  });
});
