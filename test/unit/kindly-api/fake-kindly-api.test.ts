import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeKindlyApi, type FakeKindlyApi } from '../../helpers/fake-kindly-api.js';
import { httpRequest } from '../../helpers/http.js';

/** The fake must refuse what Kindly refuses, or the client tests against it prove nothing. */
describe('fake Kindly API', () => {
  let fake: FakeKindlyApi;
  beforeAll(async () => {
    fake = await startFakeKindlyApi({ botKey: 'bot', appKey: 'app', chats: { c1: { messages: [] } } });
  });
  afterAll(async () => {
    await fake.stop();
  });

  const send = (headers: Record<string, string>, body: string) =>
    httpRequest(`${fake.url}/api/v1/send`, { method: 'POST', headers, body });

  it('wants a bearer key, and the right one per API', async () => {
    expect((await httpRequest(`${fake.url}/api/v1/chats/c1`)).status).toBe(401);
    expect(
      (await httpRequest(`${fake.url}/api/v1/chats/c1`, { headers: { authorization: 'Bearer nope' } }))
        .status,
    ).toBe(401);
    expect(
      (await httpRequest(`${fake.url}/api/v1/chats/c1`, { headers: { authorization: 'Bearer app' } })).status,
    ).toBe(403);
    expect(
      (await httpRequest(`${fake.url}/api/v1/chats/c1`, { headers: { authorization: 'Bearer bot' } })).status,
    ).toBe(200);
    expect(
      (await httpRequest(`${fake.url}/api/v1/chats/c2`, { headers: { authorization: 'Bearer bot' } })).status,
    ).toBe(404);
    const json = { authorization: 'Bearer bot', 'content-type': 'application/json' };
    expect((await send(json, '{"user_id":"u","message":"m","language_code":"en"}')).status).toBe(403);
  });

  it('wants JSON with user_id, message and language_code for send', async () => {
    const auth = { authorization: 'Bearer app' };
    expect((await send({ ...auth, 'content-type': 'text/plain' }, 'user_id=u')).status).toBe(415);
    expect((await send({ ...auth, 'content-type': 'application/json' }, '{nope')).status).toBe(400);
    const missing = await send(
      { ...auth, 'content-type': 'application/json' },
      '{"user_id":"u","message":"m"}',
    );
    expect(missing.status).toBe(400);
    expect(JSON.parse(missing.text)).toEqual({ language_code: ['This field is required.'] });
    const ok = await send(
      { ...auth, 'content-type': 'application/json' },
      '{"user_id":"u","message":"m","language_code":"en"}',
    );
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.text)).toHaveProperty('chatmessage_id');
  });
});
