import type { Page } from '@playwright/test';
import { httpRequest } from '../helpers/http.js';
import { KINDLY_HEADERS, KINDLY_TEXT_REQUEST } from '../fixtures/kindly.js';
import { expect, test } from './fixtures.js';

/** A Kindly webhook sent from the test process; its timeout is longer than any hold deadline here. */
function sendKindly(listenerUrl: string, message: string) {
  return httpRequest(`${listenerUrl}/kindly`, {
    headers: KINDLY_HEADERS,
    body: JSON.stringify({ ...KINDLY_TEXT_REQUEST, message }),
    timeoutMs: 30_000,
  });
}

function heldRequests(page: Page) {
  const panel = page.getByRole('complementary', { name: 'Held requests' });
  return { panel, cards: panel.getByRole('article', { name: /^Held request/u }) };
}

/** Replaces the body editor's text as a paste would (CodeMirror's bracket closing stays out of it). */
async function replaceEditorText(page: Page, editor: ReturnType<Page['getByRole']>, text: string) {
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(text);
  await expect(editor).toHaveText(text);
}

test('hold mode set in the UI: the operator answers from the panel and the sender gets exactly that JSON', async ({
  page,
  app,
}) => {
  await page.goto(app.uiUrl);
  await page.getByRole('tab', { name: /Endpoints/u }).click();
  await page.getByRole('button', { name: /^\/kindly/u }).click();
  await page.getByRole('radio', { name: 'Hold' }).click();
  await page.getByLabel('Hold deadline (seconds)').fill('15');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(
    page.getByRole('article', { name: 'Endpoint /kindly' }).getByText('Unsaved changes'),
  ).toHaveCount(0);
  const saved = (await app.call('endpoints.list')).find((endpoint) => endpoint.prefix === '/kindly');
  expect(saved).toMatchObject({ mode: 'hold', holdTimeoutMs: 15_000 });

  // The operator is typing elsewhere when the request arrives: focus must stay there.
  await page.getByRole('tab', { name: /Captures/u }).click();
  const search = page.getByLabel('Search captures');
  await search.click();
  await page.keyboard.type('When');
  const sent = sendKindly(app.listenerUrl, 'Can I change my delivery address?');

  const { panel, cards } = heldRequests(page);
  await expect(cards).toHaveCount(1);
  const card = cards.first();
  await expect(card.getByLabel('Held message')).toHaveText('Can I change my delivery address?');
  await page.keyboard.type(' open');
  await expect(search).toBeFocused();
  await expect(search).toHaveValue('When open');

  // A live countdown, a badge on the Endpoints tab and the count in the window title.
  const countdown = card.getByRole('progressbar', { name: 'Time left before the fallback is sent' });
  const first = Number(await countdown.getAttribute('aria-valuenow'));
  expect(first).toBeGreaterThan(10);
  expect(first).toBeLessThanOrEqual(15);
  await expect.poll(async () => Number(await countdown.getAttribute('aria-valuenow'))).toBeLessThan(first);
  await expect(page.getByRole('tab', { name: /Endpoints/u }).getByLabel('1 waiting')).toBeVisible();
  await expect(page).toHaveTitle(/^\(1 held\) /u);
  await expect(card.getByText('sends the fallback')).toBeVisible();

  // The held request is one click away.
  await card.getByRole('button', { name: 'Show the request' }).click();
  await expect(card.getByText('oslo-sentrum')).toBeVisible();

  const reply = '{"reply": "Yes — send me the new address and I will update order #1001."}';
  // Kindly holds open in the reply studio; its JSON view is sent byte for byte.
  await card.getByRole('radio', { name: 'JSON' }).click();
  await replaceEditorText(page, card.getByRole('textbox', { name: 'Reply body' }), reply);
  await page.keyboard.press('ControlOrMeta+Enter');

  const result = await sent;
  expect(result.status).toBe(200);
  expect(result.text).toBe(reply);
  expect(result.headers['content-type']).toContain('application/json');

  await expect(panel.getByText('Answered by you (200)')).toBeVisible();
  await expect(cards).toHaveCount(0);
  await expect(page).not.toHaveTitle(/held/u);

  // Answered by the operator, before the deadline: recorded as such.
  const captureId = (await app.call('captures.list', {})).items[0]?.id ?? 0;
  const detail = await app.call('captures.get', { id: captureId });
  expect(detail.response?.source).toBe('operator');
  expect(detail.hold).toMatchObject({ outcome: 'operator', reason: 'operator' });
});

test('the deadline passes: the sender gets the fallback and the panel says so', async ({ page, app }) => {
  await app.call('endpoints.save', {
    prefix: '/kindly',
    mode: 'hold',
    holdTimeoutMs: 2500,
    fallback: { body: { reply: 'One moment, a colleague will answer.' } },
  });
  await page.goto(app.uiUrl);
  await expect(page.getByRole('status').filter({ hasText: 'Live' })).toBeVisible();
  const sent = sendKindly(app.listenerUrl, 'Is anyone there?');

  const { panel, cards } = heldRequests(page);
  await expect(cards).toHaveCount(1);
  await expect(cards.first().getByText(/At the deadline: 200 .*One moment/u)).toBeVisible();

  const result = await sent;
  expect(result.status).toBe(200);
  expect(JSON.parse(result.text)).toEqual({ reply: 'One moment, a colleague will answer.' });
  await expect(panel.getByText('Deadline passed: the fallback was sent (200)')).toBeVisible();
  await expect(cards).toHaveCount(0);

  // The capture says how its hold ended.
  const list = page.getByRole('listbox', { name: /Captured requests/u });
  await list.getByRole('option').first().dispatchEvent('mousedown');
  const detail = page.getByRole('article', { name: /^Capture/u });
  await detail.getByRole('tab', { name: /Response/u }).click();
  await expect(detail.getByText('The endpoint’s fallback (the hold’s deadline passed)')).toBeVisible();
  await expect(detail.getByText('Deadline passed: the fallback was sent (200)')).toBeVisible();
});

test('keyboard and the other actions: Esc sends the fallback, abort closes, Enter sends, fallback all; notifications', async ({
  page,
  app,
}) => {
  // Serve mode: the browser's Notification API, asked only when "Notify me" is clicked.
  await page.addInitScript(() => {
    const shown: { title: string; body: string }[] = [];
    let permission = 'default';
    class FakeNotification {
      static get permission() {
        return permission;
      }
      static requestPermission() {
        permission = 'granted';
        return Promise.resolve(permission);
      }
      onclick: (() => void) | null = null;
      constructor(title: string, options: { body?: string } = {}) {
        shown.push({ title, body: options.body ?? '' });
      }
      close() {}
    }
    Object.assign(window, { Notification: FakeNotification, __shown: shown });
    // The user is in another window: that is when a notification is worth raising.
    document.hasFocus = () => false;
  });
  await app.call('endpoints.save', { prefix: '/kindly', mode: 'hold', holdTimeoutMs: 20_000 });
  await page.goto(app.uiUrl);
  const notify = page.getByRole('button', { name: 'Notify me' });
  await expect(notify).toHaveAttribute('aria-pressed', 'false');
  await notify.click();
  await expect(notify).toHaveAttribute('aria-pressed', 'true');

  const first = sendKindly(app.listenerUrl, 'First: fallback by Esc');
  const { panel, cards } = heldRequests(page);
  await expect(cards).toHaveCount(1);
  // Settled at once into a value: the rejection is the expected outcome, not an unhandled error.
  const second = sendKindly(app.listenerUrl, 'Second: aborted').then(
    (result) => `answered ${result.status}`,
    (error: Error) => `failed: ${error.message}`,
  );
  await expect(cards).toHaveCount(2);
  const third = sendKindly(app.listenerUrl, 'Third: Enter in the status field');
  await expect(cards).toHaveCount(3);
  await expect
    .poll(() =>
      page.evaluate(() => (window as unknown as { __shown: { body: string }[] }).__shown.map((n) => n.body)),
    )
    .toEqual(['First: fallback by Esc', 'Second: aborted', 'Third: Enter in the status field']);

  // Esc in the focused hold sends its fallback (200 {}).
  const firstCard = cards.filter({ hasText: 'First: fallback by Esc' });
  // The raw composer (status, headers, body) instead of the Kindly studio, for every hold from now.
  await firstCard.getByRole('radio', { name: 'Raw' }).click();
  await firstCard.getByLabel('Reply status').click();
  await page.keyboard.press('Escape');
  const firstResult = await first;
  expect(firstResult.status).toBe(200);
  expect(firstResult.text).toBe('{}');
  await expect(panel.getByText('You sent the fallback (200)')).toBeVisible();

  // Abort asks first, then closes the connection: the sender gets no answer at all.
  const secondCard = cards.filter({ hasText: 'Second: aborted' });
  await secondCard.getByRole('button', { name: 'Abort…' }).click();
  const confirm = secondCard.getByRole('alertdialog', { name: 'Abort this request?' });
  await expect(confirm).toContainText('closes the sender’s connection without any answer');
  await confirm.getByRole('button', { name: 'Close the connection' }).click();
  expect(await second).toBe('failed: socket hang up');
  await expect(panel.getByText('Aborted: the connection was closed, nothing was sent')).toBeVisible();

  // Enter in a single-line field of the composer sends.
  const thirdCard = cards.filter({ hasText: 'Third: Enter in the status field' });
  // Now first in the queue, its composer is open without a click.
  await replaceEditorText(
    page,
    thirdCard.getByRole('textbox', { name: 'Reply body' }),
    '{"reply": "Got it"}',
  );
  await thirdCard.getByLabel('Reply status').fill('202');
  await thirdCard.getByLabel('Reply status').press('Enter');
  const thirdResult = await third;
  expect(thirdResult.status).toBe(202);
  expect(thirdResult.text).toBe('{"reply": "Got it"}');

  // The "all" actions.
  const fourth = sendKindly(app.listenerUrl, 'Fourth');
  const fifth = sendKindly(app.listenerUrl, 'Fifth');
  await expect(cards).toHaveCount(2);
  // Only the oldest shows its composer; the others open theirs on request.
  await expect(cards.nth(0).getByRole('textbox', { name: 'Reply body' })).toBeVisible();
  await expect(cards.nth(1).getByRole('textbox', { name: 'Reply body' })).toHaveCount(0);
  await cards.nth(1).getByRole('button', { name: 'Reply…' }).click();
  await expect(cards.nth(1).getByRole('textbox', { name: 'Reply body' })).toBeVisible();
  await panel.getByRole('button', { name: 'Fallback all' }).click();
  expect((await fourth).text).toBe('{}');
  expect((await fifth).text).toBe('{}');
  await expect(cards).toHaveCount(0);
});

test('forward with hold on failure: a crashed bot’s request waits for the operator', async ({
  page,
  app,
}) => {
  // Nothing listens on this port once the probe server is closed: the forward fails at once.
  const { createServer } = await import('node:net');
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => probe.close(() => resolve()));

  await app.call('endpoints.save', {
    prefix: '/kindly',
    mode: 'forward',
    target: `http://127.0.0.1:${port}/webhook`,
    holdOnForwardFailure: true,
    holdTimeoutMs: 15_000,
  });
  await page.goto(app.uiUrl);
  await expect(page.getByRole('status').filter({ hasText: 'Live' })).toBeVisible();
  const sent = sendKindly(app.listenerUrl, 'Is the bot down?');
  const { cards } = heldRequests(page);
  await expect(cards).toHaveCount(1);
  await expect(cards.first().getByText('forward failed')).toBeVisible();
  await expect(cards.first().getByText(/Your server failed:/u)).toBeVisible();
  await cards.first().getByRole('radio', { name: 'JSON' }).click();
  await replaceEditorText(
    page,
    cards.first().getByRole('textbox', { name: 'Reply body' }),
    '{"reply": "I am here"}',
  );
  await cards.first().getByRole('button', { name: 'Send reply' }).click();
  expect((await sent).text).toBe('{"reply": "I am here"}');

  // The capture shows both the failed forward and the hold.
  const list = page.getByRole('listbox', { name: /Captured requests/u });
  await list.getByRole('option').first().dispatchEvent('mousedown');
  const detail = page.getByRole('article', { name: /^Capture/u });
  await detail.getByRole('tab', { name: /Response/u }).click();
  await expect(detail.getByText('Answered by hand (held request)')).toBeVisible();
  await expect(detail.getByRole('heading', { name: 'Forwarded to your server' })).toBeVisible();
  await expect(detail.getByText(`POST http://127.0.0.1:${port}/webhook`)).toBeVisible();
  await expect(detail.getByRole('heading', { name: 'Held for the operator' })).toBeVisible();
});

test('a sender that gives up before anyone answers leaves the queue, marked as gone', async ({
  page,
  app,
}) => {
  await app.call('endpoints.save', { prefix: '/kindly', mode: 'hold', holdTimeoutMs: 30_000 });
  await page.goto(app.uiUrl);
  await expect(page.getByRole('status').filter({ hasText: 'Live' })).toBeVisible();
  // This sender's own timeout is shorter than the deadline: it hangs up while held.
  const impatient = httpRequest(`${app.listenerUrl}/kindly`, {
    headers: KINDLY_HEADERS,
    body: JSON.stringify({ ...KINDLY_TEXT_REQUEST, message: 'Hello? Anyone?' }),
    timeoutMs: 1500,
  }).then(
    () => 'answered',
    (error: Error) => error.message,
  );
  const { panel, cards } = heldRequests(page);
  await expect(cards).toHaveCount(1);
  expect(await impatient).toContain('timed out');
  await expect(panel.getByText('The sender hung up before an answer; nothing was sent')).toBeVisible();
  await expect(cards).toHaveCount(0);
  const captureId = (await app.call('captures.list', {})).items[0]?.id ?? 0;
  expect((await app.call('captures.get', { id: captureId })).hold).toMatchObject({ outcome: 'sender-gone' });
});

test('leaving hold mode says it answers the open holds, and does', async ({ page, app }) => {
  await app.call('endpoints.save', { prefix: '/kindly', mode: 'hold', holdTimeoutMs: 30_000 });
  await page.goto(app.uiUrl);
  const sent = sendKindly(app.listenerUrl, 'Still there?');
  const { panel, cards } = heldRequests(page);
  await expect(cards).toHaveCount(1);

  await page.getByRole('tab', { name: /Endpoints/u }).click();
  await page.getByRole('button', { name: /^\/kindly/u }).click();
  const editor = page.getByRole('article', { name: 'Endpoint /kindly' });
  await expect(editor.getByText('1 held now')).toBeVisible();
  await editor.getByRole('radio', { name: 'Ack' }).click();
  await expect(editor.getByRole('note')).toContainText(
    'Saving answers the 1 held request on /kindly with the fallback.',
  );
  await editor.getByRole('button', { name: 'Save' }).click();
  expect((await sent).text).toBe('{}');
  await expect(panel.getByText('The endpoint’s settings changed: the fallback was sent (200)')).toBeVisible();
  await expect(cards).toHaveCount(0);
});
