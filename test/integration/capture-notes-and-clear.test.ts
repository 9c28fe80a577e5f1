import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventFrame } from '../../shared/contract/index.js';
import { callFailing } from '../helpers/api-call.js';
import { httpRequest } from '../helpers/http.js';
import { startTestCore, type TestCore } from '../helpers/test-core.js';
import { waitFor } from '../helpers/wait-for.js';

describe('captures.note and captures.clear over the API', () => {
  let app: TestCore;
  let frames: EventFrame[];
  beforeEach(async () => {
    app = await startTestCore();
    frames = [];
    app.core.events.subscribe((frame) => frames.push(frame));
  });
  afterEach(async () => {
    await app.stop();
  });

  const send = async (chat: string, message: string) => {
    const res = await httpRequest(`${app.listenerUrl}/kindly`, {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ chat_id: chat, bot_id: 1, user_id: 'u1', message }),
    });
    expect(res.status).toBe(200);
  };
  const stored = () => app.call('captures.list', { limit: 100 });

  it('sets, searches and removes a note, announcing each change', async () => {
    await send('chat-a', 'Where is my parcel?');
    const [capture] = (await waitFor(async () => (await stored()).items.length === 1 && stored(), 'capture'))
      .items;
    const id = capture!.id;

    const noted = await app.call('captures.note', { id, note: 'Sent twice by the widget — ticket 4411' });
    expect(noted).toMatchObject({ id, note: 'Sent twice by the widget — ticket 4411', starred: false });
    expect(frames.at(-1)).toMatchObject({ event: 'capture.updated', payload: { id, note: noted.note } });
    expect((await app.call('captures.get', { id })).note).toBe(noted.note);
    expect((await app.call('captures.list', { q: 'ticket 4411', limit: 10 })).items.map((i) => i.id)).toEqual(
      [id],
    );

    const cleared = await app.call('captures.note', { id, note: '   ' });
    expect(cleared).not.toHaveProperty('note');
    expect((await app.call('captures.list', { q: 'ticket', limit: 10 })).items).toEqual([]);

    expect((await callFailing(app, 'captures.note', { id: id + 1000, note: 'x' })).status).toBe(404);
    expect((await callFailing(app, 'captures.note', { id, note: 'x'.repeat(10_001) })).status).toBe(400);
  });

  it('exports stars and notes (NDJSON fields, HAR comment), imports them back, and filters exports by them', async () => {
    await send('chat-a', 'plain one');
    await send('chat-b', 'the interesting one');
    const [newer] = (await waitFor(async () => (await stored()).items.length === 2 && stored(), 'captures'))
      .items;
    await app.call('captures.star', { ids: [newer!.id] });
    await app.call('captures.note', { id: newer!.id, note: 'keep: refund case' });

    const ndjson = await app.call('captures.export', { format: 'ndjson', redact: false });
    const lines = ndjson.data
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { starred?: boolean; note?: string });
    expect(lines.map((line) => [line.starred ?? false, line.note ?? null])).toEqual([
      [false, null],
      [true, 'keep: refund case'],
    ]);
    const har = JSON.parse((await app.call('captures.export', { format: 'har', redact: false })).data) as {
      log: { entries: { comment?: string; _convoscope: { starred?: boolean } }[] };
    };
    expect(
      har.log.entries.map((entry) => [entry._convoscope.starred ?? false, entry.comment ?? null]),
    ).toEqual([
      [false, null],
      [true, 'keep: refund case'],
    ]);

    // A filter on starred captures, or a search that only matches the note, picks the same one.
    for (const filter of [{ starred: true }, { q: 'refund' }]) {
      const only = await app.call('captures.export', { format: 'ndjson', redact: false, filter });
      expect(only.count).toBe(1);
      expect((JSON.parse(only.data) as { id: number }).id).toBe(newer!.id);
    }

    for (const format of ['ndjson', 'har'] as const) {
      const data = format === 'ndjson' ? ndjson.data : JSON.stringify(har);
      await app.call('captures.clear', {});
      const { ids } = await app.call('captures.import', { format, data });
      const back = await Promise.all(ids.map((id) => app.call('captures.get', { id })));
      expect(back.map((capture) => [capture.starred, capture.note ?? null])).toEqual([
        [false, null],
        [true, 'keep: refund case'],
      ]);
      expect(
        (await app.call('captures.list', { q: 'refund', limit: 10 })).items.map((item) => item.id),
      ).toEqual([ids[1]]);
    }
  });

  it('clears everything, or everything but the starred captures', async () => {
    await send('chat-a', 'one');
    await send('chat-b', 'two');
    await send('chat-b', 'three');
    const ids = (await waitFor(async () => (await stored()).items.length === 3 && stored(), 'captures')).items
      .map((item) => item.id)
      .sort((a, b) => a - b);
    await app.call('captures.star', { ids: [ids[1]!] });

    expect(await app.call('captures.clear', { keepStarred: true })).toEqual({ deleted: 2, kept: 1 });
    expect(frames.at(-1)).toEqual({ event: 'captures.cleared', payload: { keptStarred: true } });
    expect((await stored()).items.map((item) => item.id)).toEqual([ids[1]]);
    // Conversations are recounted from what is left: chat-a is gone, chat-b keeps one message.
    const conversations = await app.call('conversations.list', {});
    expect(conversations.map((c) => [c.key, c.count])).toEqual([['chat-b', 1]]);

    expect(await app.call('captures.clear', {})).toEqual({ deleted: 1, kept: 0 });
    expect(frames.at(-1)).toEqual({ event: 'captures.cleared', payload: {} });
    expect((await stored()).items).toEqual([]);
    expect(await app.call('conversations.list', {})).toEqual([]);
  });
});
