import http from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { EventFrame } from '../../../shared/contract/index.js';
import type { Hold } from '../../../shared/model/hold.js';
import { httpRequest, type HttpResult } from '../../helpers/http.js';
import { startTestCore, type TestCore } from '../../helpers/test-core.js';
import { waitFor } from '../../helpers/wait-for.js';
import { KINDLY_HEADERS, KINDLY_TEXT_REQUEST } from '../../fixtures/kindly.js';

function kindly(message: string): string {
  return JSON.stringify({ ...KINDLY_TEXT_REQUEST, message });
}

describe('hold mode: the operator answers by hand before a deadline', () => {
  let app: TestCore;
  const frames: EventFrame[] = [];
  let unsubscribe: () => void = () => {};

  beforeAll(async () => {
    app = await startTestCore();
    unsubscribe = app.core.events.subscribe((frame) => frames.push(frame));
    await app.call('endpoints.save', { prefix: '/kindly', mode: 'hold', holdTimeoutMs: 20_000 });
  });
  afterAll(async () => {
    unsubscribe();
    await app.stop();
  });
  afterEach(async () => {
    // Every test leaves no hold behind.
    await app.call('holds.resolveAll', { action: 'fallback' });
  });

  const send = (message: string, path = '/kindly') =>
    httpRequest(`${app.listenerUrl}${path}`, {
      body: kindly(message),
      headers: KINDLY_HEADERS,
      timeoutMs: 15_000,
    });

  async function holdsWhen(count: number): Promise<Hold[]> {
    return waitFor(async () => {
      const holds = await app.call('holds.list', {});
      return holds.length >= count ? holds : undefined;
    }, `${count} open hold(s)`);
  }

  function resolvedEvent(id: number) {
    return waitFor(
      () =>
        frames.find(
          (frame): frame is EventFrame<'hold.resolved'> =>
            frame.event === 'hold.resolved' && (frame as EventFrame<'hold.resolved'>).payload.id === id,
        ),
      `hold.resolved for ${id}`,
    );
  }

  async function captureOf(id: number) {
    return waitFor(async () => {
      const detail = await app.call('captures.get', { id });
      return detail.hold ? detail : undefined;
    }, `capture ${id} to record its hold`);
  }

  it('lists the hold with its countdown and fallback, and sends exactly the operator’s JSON', async () => {
    const pending = send('I need a human');
    const [hold] = await holdsWhen(1);
    expect(hold).toMatchObject({ endpoint: '/kindly', origin: 'hold', forwardError: null });
    expect(hold!.deadline - hold!.heldAt).toBe(20_000);
    expect(hold!.now).toBeGreaterThanOrEqual(hold!.heldAt);
    expect(hold!.capture).toMatchObject({ id: hold!.captureId, provider: 'kindly', status: null });
    expect(hold!.capture.summary).toBe('I need a human');
    expect(hold!.fallback).toMatchObject({ status: 200, source: 'fallback' });
    expect(Buffer.from(hold!.fallback.body.base64, 'base64').toString()).toBe('{}');
    expect(app.core.holds.openCount).toBe(1);
    expect(
      frames.some((frame) => frame.event === 'hold.added' && (frame.payload as Hold).id === hold!.id),
    ).toBe(true);

    const reply = {
      reply: 'Hello from a human 👋',
      buttons: [{ button_type: 'quick_reply', label: 'OK', value: 'ok' }],
    };
    expect(await app.call('holds.respond', { id: hold!.id, body: reply })).toEqual({
      id: hold!.id,
      status: 200,
    });
    const res = await pending;
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.body.equals(Buffer.from(JSON.stringify(reply)))).toBe(true);

    expect((await resolvedEvent(hold!.id)).payload).toMatchObject({
      outcome: 'operator',
      reason: 'operator',
      status: 200,
      captureId: hold!.captureId,
    });
    const detail = await captureOf(hold!.captureId);
    expect(detail.status).toBe(200);
    expect(detail.response?.source).toBe('operator');
    expect(detail.hold).toMatchObject({ outcome: 'operator', endpoint: '/kindly' });
    expect(await app.call('holds.list', {})).toEqual([]);
    // A second answer is refused: the hold has ended.
    await expect(app.call('holds.respond', { id: hold!.id, body: {} })).rejects.toThrow(/answered 409/u);
    await expect(app.call('holds.abort', { id: 99_999 })).rejects.toThrow(/answered 404/u);
  });

  it('retention leaves a held capture alone, so its answer is still recorded on it', async () => {
    const pending = send('hold me while retention runs');
    const [hold] = await holdsWhen(1);
    // Newer captures under an endpoint in ack mode, then a limit of one: the held one is the oldest.
    for (const n of [1, 2, 3]) {
      const res = await httpRequest(`${app.listenerUrl}/dashly`, { body: `n=${n}`, timeoutMs: 5_000 });
      expect(res.status).toBe(200);
    }
    try {
      // The change starts a pass; this one runs after it (or is it) either way.
      await app.call('settings.update', { 'retention.maxCaptures': 1 });
      await app.call('retention.run', {});
      const left = (await app.call('captures.list', { limit: 50 })).items.map((item) => item.id);
      // The limit is met by the held capture itself; everything else is gone.
      expect(left).toEqual([hold!.captureId]);

      await app.call('holds.respond', { id: hold!.id, body: { reply: 'still here' } });
      expect((await pending).status).toBe(200);
      const detail = await captureOf(hold!.captureId);
      expect(detail.response?.source).toBe('operator');
      expect(detail.hold).toMatchObject({ outcome: 'operator' });
    } finally {
      await app.call('settings.update', { 'retention.maxCaptures': null });
    }
  });

  it('sends custom status, headers and a text body as typed (no templating)', async () => {
    const pending = send('custom');
    const [hold] = await holdsWhen(1);
    await app.call('holds.respond', {
      id: hold!.id,
      status: 418,
      headers: { 'X-Operator': 'me' },
      body: 'plain {{message}}',
    });
    const res = await pending;
    expect(res.status).toBe(418);
    expect(res.headers['x-operator']).toBe('me');
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.text).toBe('plain {{message}}');
  });

  it('sends the fallback at the deadline: a matching mock rule, else {}', async () => {
    await app.call('endpoints.save', {
      prefix: '/kindly',
      mode: 'hold',
      holdTimeoutMs: 600,
      rules: [{ match: { text: 'hours' }, response: { body: { reply: 'Open 10–18 ({{message}})' } } }],
    });
    const matched = send('opening hours?');
    const unmatched = send('something else');
    const holds = await holdsWhen(2);
    const byText = new Map(holds.map((hold) => [hold.capture.summary, hold]));
    expect(Buffer.from(byText.get('opening hours?')!.fallback.body.base64, 'base64').toString()).toBe(
      JSON.stringify({ reply: 'Open 10–18 (opening hours?)' }),
    );
    expect(byText.get('opening hours?')!.fallback.ruleIndex).toBe(0);

    const [first, second] = await Promise.all([matched, unmatched]);
    expect(JSON.parse(first.text)).toEqual({ reply: 'Open 10–18 (opening hours?)' });
    expect(second.text).toBe('{}');
    for (const hold of holds) {
      expect((await resolvedEvent(hold.id)).payload).toMatchObject({
        outcome: 'fallback',
        reason: 'deadline',
      });
      const detail = await captureOf(hold.captureId);
      expect(detail.hold).toMatchObject({ outcome: 'fallback', reason: 'deadline', deadline: hold.deadline });
      expect(detail.response?.source).toBe('fallback');
    }
    await app.call('endpoints.save', { prefix: '/kindly', mode: 'hold', holdTimeoutMs: 20_000 });
  });

  it('answers with the fallback at once on "fallback now"', async () => {
    await app.call('endpoints.save', {
      prefix: '/kindly',
      mode: 'hold',
      holdTimeoutMs: 20_000,
      fallback: { status: 200, body: { reply: 'Back soon' } },
    });
    const pending = send('hello');
    const [hold] = await holdsWhen(1);
    expect(await app.call('holds.fallback', { id: hold!.id })).toEqual({ id: hold!.id, status: 200 });
    expect(JSON.parse((await pending).text)).toEqual({ reply: 'Back soon' });
    expect((await resolvedEvent(hold!.id)).payload).toMatchObject({
      outcome: 'fallback',
      reason: 'operator',
    });
    await app.call('endpoints.save', { prefix: '/kindly', mode: 'hold', holdTimeoutMs: 20_000 });
  });

  it('abort closes the connection without any answer', async () => {
    const pending = send('abort me').then(
      (res: HttpResult) => ({ answered: res.status }),
      (error: Error) => ({ error: error.message }),
    );
    const [hold] = await holdsWhen(1);
    expect(await app.call('holds.abort', { id: hold!.id })).toEqual({ id: hold!.id, status: null });
    const outcome = await pending;
    expect(outcome).toMatchObject({ error: expect.stringMatching(/socket hang up|ECONNRESET/u) as unknown });
    const detail = await captureOf(hold!.captureId);
    expect(detail.hold).toMatchObject({ outcome: 'aborted' });
    expect(detail.response).toBeNull();
    expect(detail.status).toBeNull();
  });

  it('marks a hold whose sender went away, and never answers it', async () => {
    const req = http.request(`${app.listenerUrl}/kindly`, {
      method: 'POST',
      headers: KINDLY_HEADERS,
      agent: false,
    });
    req.on('error', () => {});
    req.end(kindly('leaving'));
    const [hold] = await holdsWhen(1);
    req.destroy();
    expect((await resolvedEvent(hold!.id)).payload).toMatchObject({
      outcome: 'sender-gone',
      reason: 'sender-gone',
      status: null,
    });
    await expect(app.call('holds.respond', { id: hold!.id, body: {} })).rejects.toThrow(
      /answered 409.*sender-gone/u,
    );
    const detail = await captureOf(hold!.captureId);
    expect(detail.hold).toMatchObject({ outcome: 'sender-gone' });
    expect(detail.response).toBeNull();
    expect(
      frames.filter(
        (frame) => frame.event === 'hold.resolved' && (frame.payload as { id: number }).id === hold!.id,
      ),
    ).toHaveLength(1);
  });

  it('keeps 20 concurrent holds apart: each sender gets its own answer', async () => {
    const messages = Array.from({ length: 20 }, (_, i) => `message ${i}`);
    const pending = messages.map((message) => send(message));
    const holds = await holdsWhen(20);
    expect(new Set(holds.map((hold) => hold.id)).size).toBe(20);
    expect(app.core.holds.openCount).toBe(20);
    // Answer in reverse order, each with the text it was held for.
    await Promise.all(
      [...holds]
        .reverse()
        .map((hold) =>
          app.call('holds.respond', { id: hold.id, body: { reply: `answer to ${hold.capture.summary}` } }),
        ),
    );
    const answers = await Promise.all(pending);
    answers.forEach((res, i) => {
      expect(res.status).toBe(200);
      expect(JSON.parse(res.text)).toEqual({ reply: `answer to message ${i}` });
    });
    expect(app.core.holds.openCount).toBe(0);
  });

  it('resolves all holds at once, optionally of one endpoint', async () => {
    await app.call('endpoints.save', { prefix: '/kindly/b', mode: 'hold', holdTimeoutMs: 20_000 });
    const a = [send('a1'), send('a2')];
    // Settled into a value right away: it rejects (aborted) before the test looks at it.
    const b = send('b1', '/kindly/b').then(
      (res) => `answered ${res.status}`,
      (error: Error) => error.message,
    );
    await holdsWhen(3);
    expect(
      await app.call('holds.resolveAll', {
        action: 'respond',
        endpoint: '/kindly',
        response: { body: { all: 1 } },
      }),
    ).toEqual({ resolved: 2 });
    for (const res of await Promise.all(a)) expect(res.text).toBe('{"all":1}');
    expect((await app.call('holds.list', {})).map((hold) => hold.endpoint)).toEqual(['/kindly/b']);
    expect(await app.call('holds.resolveAll', { action: 'abort' })).toEqual({ resolved: 1 });
    expect(await b).toMatch(/socket hang up|ECONNRESET/u);
    await app.call('endpoints.delete', { prefix: '/kindly/b' });
  });

  it('answers open holds with their fallback when the mode changes or the endpoint is deleted', async () => {
    await app.call('endpoints.save', {
      prefix: '/kindly/c',
      mode: 'hold',
      holdTimeoutMs: 20_000,
      fallback: { body: { reply: 'fallback c' } },
    });
    const first = send('x', '/kindly/c');
    const [held] = await holdsWhen(1);
    await app.call('endpoints.save', { prefix: '/kindly/c', mode: 'ack' });
    expect(JSON.parse((await first).text)).toEqual({ reply: 'fallback c' });
    expect((await resolvedEvent(held!.id)).payload).toMatchObject({
      outcome: 'fallback',
      reason: 'endpoint-changed',
    });

    // Saving again in hold mode (e.g. a new deadline) keeps open holds.
    await app.call('endpoints.save', { prefix: '/kindly/c', mode: 'hold', holdTimeoutMs: 20_000 });
    const second = send('y', '/kindly/c');
    const [kept] = await holdsWhen(1);
    await app.call('endpoints.save', { prefix: '/kindly/c', mode: 'hold', holdTimeoutMs: 15_000 });
    expect((await app.call('holds.list', {})).map((hold) => hold.id)).toEqual([kept!.id]);

    expect(await app.call('endpoints.delete', { prefix: '/kindly/c' })).toEqual({
      deleted: true,
      answeredHolds: 1,
    });
    expect((await second).text).toBe('{}');
    expect((await resolvedEvent(kept!.id)).payload).toMatchObject({
      outcome: 'fallback',
      reason: 'endpoint-deleted',
    });
    expect(frames.some((frame) => frame.event === 'endpoints.changed')).toBe(true);
  });

  it('answers every open hold with its fallback when the core closes', async () => {
    const other = await startTestCore();
    try {
      await other.call('endpoints.save', {
        prefix: '/kindly',
        mode: 'hold',
        holdTimeoutMs: 60_000,
        fallback: { body: { reply: 'Convoscope is closing' } },
      });
      const pending = [1, 2, 3].map((n) =>
        httpRequest(`${other.listenerUrl}/kindly`, { body: kindly(`q${n}`), headers: KINDLY_HEADERS }),
      );
      await waitFor(async () => (await other.call('holds.list', {})).length === 3, 'three holds');
      const ids = (await other.call('holds.list', {})).map((hold) => hold.captureId);
      const dataDir = other.dataDir;
      await other.core.close();
      for (const res of await Promise.all(pending)) {
        expect(res.status).toBe(200);
        expect(JSON.parse(res.text)).toEqual({ reply: 'Convoscope is closing' });
      }
      // The answers and how the holds ended were written before the store closed.
      const reopened = await startTestCore({ dataDir });
      try {
        for (const id of ids) {
          const detail = await reopened.call('captures.get', { id });
          expect(detail.status).toBe(200);
          expect(detail.hold).toMatchObject({ outcome: 'fallback', reason: 'shutdown' });
        }
      } finally {
        await reopened.core.close();
      }
    } finally {
      await other.stop();
    }
  });
});
