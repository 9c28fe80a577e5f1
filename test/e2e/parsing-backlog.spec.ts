import { Store } from '../../electron/core/store/store.js';
import { UNPARSED_SUMMARY } from '../../shared/model/capture.js';
import { newCapture } from '../helpers/capture-fixture.js';
import { startServe } from '../helpers/serve-process.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { KINDLY_HEADERS, KINDLY_TEXT_REQUEST } from '../fixtures/kindly.js';
import { expect, test } from './fixtures.js';

/** Enough that parsing them takes seconds, so the page sees the backlog before it is gone. */
const BACKLOG = 40_000;

test('captures left unparsed by a stop are listed at once, counted down above the list, and filled in', async ({
  page,
}) => {
  test.setTimeout(120_000);
  // A store as a flood and a stop (or crash) leave it: captures committed as received, not parsed yet.
  const temp = makeTempDir('convoscope-e2e-backlog-');
  const store = Store.open(temp.dir);
  try {
    store.transaction(() => {
      for (let n = 0; n < BACKLOG; n++) {
        const body = { ...KINDLY_TEXT_REQUEST, chat_id: `chat-${n % 50}`, message: `flood message ${n}` };
        store.captures.insert(
          newCapture({
            path: '/kindly',
            provider: 'kindly',
            summary: UNPARSED_SUMMARY,
            headers: Object.entries(KINDLY_HEADERS),
            body: Buffer.from(JSON.stringify(body)),
            receivedAt: Date.now() - BACKLOG + n,
            response: { status: 200, headers: [], body: Buffer.from('{}'), source: 'ack', latencyMs: 1 },
            underived: true,
          }),
        );
      }
    });
  } finally {
    store.close();
  }

  const app = await startServe({ dataDir: temp.dir, startTimeoutMs: 60_000 });
  try {
    await page.goto(app.uiUrl);
    const list = page.getByRole('listbox', { name: /Captured requests/u });
    await expect(list.getByRole('option').first()).toBeVisible();
    const chip = page.getByRole('status', { name: /^Parsing [\d,.\s]+ captures received during a burst$/u });
    await expect(chip).toBeVisible();
    // The newest rows wait for their turn (oldest first) and say so.
    await expect(list.getByRole('option').first()).toContainText(UNPARSED_SUMMARY);

    // Once the backlog is worked off the chip goes, and the rows read what the webhooks said.
    await expect(chip).toHaveCount(0, { timeout: 90_000 });
    await expect(list.getByRole('option').first()).toContainText(`flood message ${BACKLOG - 1}`);
    const health = await app.call('app.health', {});
    expect(health.parsing.pending).toBe(0);
    const conversations = await app.call('conversations.list', { provider: 'kindly' });
    expect(conversations).toHaveLength(50);
    expect(conversations.reduce((sum, conversation) => sum + conversation.count, 0)).toBe(BACKLOG);
  } finally {
    await app.stop();
    temp.remove();
  }
});
