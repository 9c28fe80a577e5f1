import { createHmac } from 'node:crypto';
import { startEchoServer, type EchoServer } from '../helpers/echo-server.js';
import { httpRequest } from '../helpers/http.js';
import { KINDLY_HEADERS, KINDLY_TEXT_REQUEST } from '../fixtures/kindly.js';
import { expect, test } from './fixtures.js';

const SECRET = 'e2e-replay-secret';
const sign = (body: Buffer | string) => createHmac('sha256', SECRET).update(body).digest('base64');

/** The user's bot: checks the Kindly signature like a careful bot does, answers a Kindly reply. */
async function startBotStub(): Promise<EchoServer> {
  const bot = await startEchoServer();
  bot.setBehaviour((req, res) => {
    const signature = req.rawHeaders.find(([name]) => name.toLowerCase() === 'kindly-hmac')?.[1];
    if (signature !== sign(req.body)) {
      res.writeHead(401, { 'Content-Type': 'application/json' });
      res.end('{"error":"bad signature"}');
      return;
    }
    const { message } = JSON.parse(req.body.toString()) as { message: string };
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(
      JSON.stringify({
        reply: `You said: ${message}`,
        buttons: [{ button_type: 'quick_reply', label: 'Opening hours', value: 'When are you open?' }],
      }),
    );
  });
  return bot;
}

async function postKindly(listenerUrl: string, payload: Record<string, unknown>): Promise<void> {
  const body = JSON.stringify(payload);
  const res = await httpRequest(`${listenerUrl}/kindly`, {
    headers: { ...KINDLY_HEADERS, 'kindly-hmac': sign(body) },
    body,
  });
  expect(res.status).toBe(200);
}

test('edit a captured Kindly payload, replay it to a local bot, see its reply rendered and validated', async ({
  page,
  app,
}) => {
  const bot = await startBotStub();
  try {
    await app.call('settings.update', { 'kindly.hmacSecret': SECRET });
    await postKindly(app.listenerUrl, KINDLY_TEXT_REQUEST);
    await page.goto(app.uiUrl);
    const list = page.getByRole('listbox', { name: /Captured requests/u });
    await expect(list.getByRole('option')).toHaveCount(1);
    await list.getByRole('option').first().dispatchEvent('mousedown');
    await expect(page.getByRole('article', { name: /Capture/u })).toBeVisible();

    // `e` opens Edit & replay.
    await page.keyboard.press('e');
    const dialog = page.getByRole('dialog', { name: /Edit & replay/u });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('radio', { name: 'URL' }).click();
    await dialog.getByLabel('Target URL').fill(`${bot.url}/kindly-bot`);

    const editor = dialog.getByRole('textbox', { name: 'Body JSON' });
    await editor.click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.insertText(
      JSON.stringify({ ...KINDLY_TEXT_REQUEST, message: 'Are you open on Sunday?' }, null, 2),
    );
    // The body changed, so the request will be signed again with the stored secret.
    await expect(dialog.getByText('Kindly-HMAC: signed with the stored secret')).toBeVisible();
    await expect(dialog.getByText('Edited', { exact: true })).toBeVisible();

    await dialog.getByRole('button', { name: 'Send' }).click();
    const result = dialog.getByRole('region', { name: 'Replay result' });
    await expect(result.getByText('answered in', { exact: false })).toBeVisible();
    const check = result.getByRole('region', { name: 'Kindly reply check' });
    await expect(check.getByRole('status')).toHaveText('Kindly would accept it');
    await expect(check.getByText('You said: Are you open on Sunday?')).toBeVisible();
    await expect(check.getByText('Opening hours')).toBeVisible();

    // The bot got the edited body, compact like Kindly sends it, with a signature that verifies.
    const got = bot.received.at(-1)!;
    expect(got.url).toBe('/kindly-bot');
    expect(got.body.toString()).toBe(
      JSON.stringify({ ...KINDLY_TEXT_REQUEST, message: 'Are you open on Sunday?' }),
    );

    // The replay is listed on the capture; the target is remembered for `r`.
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('tab', { name: 'Replays (1)' })).toBeVisible();
    await page.keyboard.press('r');
    await expect(page.getByRole('tab', { name: 'Replays (2)' })).toBeVisible();
    await expect.poll(() => bot.received.length).toBe(2);
    // As-is this time: the original body and signature.
    expect(bot.received[1]!.body.toString()).toBe(JSON.stringify(KINDLY_TEXT_REQUEST));
  } finally {
    await bot.close();
  }
});

test('diff two captures side by side: reordered keys are no difference, a changed value is', async ({
  page,
  app,
}) => {
  await postKindly(app.listenerUrl, KINDLY_TEXT_REQUEST);
  const { message, ...rest } = KINDLY_TEXT_REQUEST;
  await postKindly(app.listenerUrl, { message, ...rest, context: { store: 'bergen' } });
  await page.goto(app.uiUrl);
  const rows = page.getByRole('listbox', { name: /Captured requests/u }).getByRole('option');
  await expect(rows).toHaveCount(2);
  await rows.nth(0).dispatchEvent('mousedown');
  await rows.nth(1).dispatchEvent('mousedown', { ctrlKey: true });
  await expect(page.getByText('2 selected')).toBeVisible();
  await page.getByRole('button', { name: 'Diff', exact: true }).click();
  await expect(page.getByRole('tab', { name: 'Diff' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText(/1 body difference/u)).toBeVisible();
  const body = page.getByRole('table', { name: 'Body, side by side' });
  await expect(body.locator('.diff-changed')).toHaveText(['"store": "oslo-sentrum"', '"store": "bergen"']);
});

test('bulk replay of the current filter shows progress and a summary', async ({ page, app }) => {
  const bot = await startBotStub();
  try {
    await app.call('settings.update', { 'kindly.hmacSecret': SECRET });
    for (let i = 0; i < 12; i++)
      await postKindly(app.listenerUrl, { ...KINDLY_TEXT_REQUEST, message: `Question ${i}` });
    await page.goto(app.uiUrl);
    await expect(page.getByRole('listbox', { name: /Captured requests/u }).getByRole('option')).toHaveCount(
      12,
    );
    await page.getByRole('button', { name: 'Replay all…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Bulk replay' });
    await dialog.getByRole('radio', { name: 'URL' }).click();
    await dialog.getByLabel('Target URL').fill(bot.url);
    await dialog.getByLabel('At most in flight').fill('3');
    await dialog.getByRole('button', { name: 'Start' }).click();
    const panel = page.getByRole('region', { name: 'Bulk replay' });
    await expect(panel.getByText('Bulk replay done')).toBeVisible();
    await expect(panel.getByRole('status')).toContainText('2xx 12');
    await expect(panel.getByRole('status')).toContainText('no answer 0');
    expect(bot.received).toHaveLength(12);
  } finally {
    await bot.close();
  }
});
