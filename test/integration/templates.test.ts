import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callFailing } from '../helpers/api-call.js';
import { startTestCore, type TestCore } from '../helpers/test-core.js';
import { makeTempDir } from '../helpers/temp-dir.js';

describe('templates.* (real API and SQLite)', () => {
  const temp = makeTempDir();
  let app: TestCore;
  beforeAll(async () => {
    app = await startTestCore({ dataDir: temp.dir });
  });
  afterAll(async () => {
    await app.stop();
    temp.remove();
  });

  const body = '{"reply": "Hi {{user_id}}, you said: {{message}}", "new_context": {"seen": true}}';

  it('saves, lists, updates and deletes, surviving a restart', async () => {
    const saved = await app.call('templates.save', { name: 'Greeting', body });
    expect(saved).toMatchObject({ name: 'Greeting', provider: 'kindly', body });
    expect(saved.createdAt).toBe(saved.updatedAt);
    const other = await app.call('templates.save', { name: 'ack', provider: 'dashly', body: 'ok' });

    expect((await app.call('templates.list', {})).map((t) => t.name)).toEqual(['ack', 'Greeting']);
    expect((await app.call('templates.list', { provider: 'kindly' })).map((t) => t.id)).toEqual([saved.id]);

    const renamed = await app.call('templates.save', { id: saved.id, name: 'Hello', body: '{}' });
    expect(renamed).toMatchObject({ id: saved.id, name: 'Hello', body: '{}', createdAt: saved.createdAt });

    await app.stop();
    app = await startTestCore({ dataDir: temp.dir });
    expect((await app.call('templates.list', { provider: 'kindly' }))[0]).toMatchObject({ name: 'Hello' });

    expect(await app.call('templates.delete', { id: other.id })).toEqual({ deleted: true });
    expect((await app.call('templates.list', {})).map((t) => t.id)).toEqual([saved.id]);
  });

  it('refuses a duplicate name per provider, unknown ids and empty names', async () => {
    await app.call('templates.save', { name: 'Unique', body: '{}' });
    const duplicate = await callFailing(app, 'templates.save', { name: 'Unique', body: '{"reply":"x"}' });
    expect(duplicate).toMatchObject({ status: 409, error: { code: 'conflict' } });
    // The same name under another provider is fine.
    await app.call('templates.save', { name: 'Unique', provider: 'other', body: 'x' });

    expect((await callFailing(app, 'templates.save', { id: 9999, name: 'X', body: '' })).status).toBe(404);
    expect((await callFailing(app, 'templates.delete', { id: 9999 })).status).toBe(404);
    expect((await callFailing(app, 'templates.save', { name: '   ', body: '' })).status).toBe(400);
  });
});
