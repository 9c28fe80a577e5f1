import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { httpRequest } from '../helpers/http.js';
import { startServe } from '../helpers/serve-process.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { expect, test } from './fixtures.js';

const kindly = (message: string) => JSON.stringify({ chat_id: 'c', bot_id: 1, message });

test('a damaged database is reported; a locked store shows a banner until it recovers by itself', async ({
  page,
}) => {
  const temp = makeTempDir('convoscope-e2e-health-');
  fs.writeFileSync(path.join(temp.dir, 'convoscope.db'), 'not a database '.repeat(500));
  const app = await startServe({ dataDir: temp.dir });
  try {
    await page.goto(app.uiUrl);
    const notice = page.getByRole('status').filter({ hasText: 'moved aside' });
    await expect(notice).toContainText('nothing was deleted');
    await notice.getByRole('button', { name: 'Dismiss this notice' }).click();
    await expect(notice).toHaveCount(0);

    const other = new Database(path.join(temp.dir, 'convoscope.db'));
    other.pragma('busy_timeout = 0');
    other.exec('BEGIN EXCLUSIVE');
    try {
      const refused = await httpRequest(`${app.listenerUrl}/kindly`, { body: kindly('while locked') });
      expect(refused.status).toBe(503);
      const banner = page.getByRole('alert').filter({ hasText: 'Webhooks are not being stored' });
      await expect(banner).toContainText('write lock');
      const chip = page.getByRole('button', { name: 'Storage failing' });
      await expect(chip).toBeVisible();
      await banner.getByRole('button', { name: /Hide this message/u }).click();
      await expect(banner).toHaveCount(0);
      await chip.click();
      await expect(banner).toBeVisible();
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    // The core notices by itself that writes work again.
    await expect(page.getByRole('button', { name: 'Storage failing' })).toHaveCount(0, { timeout: 15_000 });
    await expect(page.getByRole('alert').filter({ hasText: 'Webhooks are not being stored' })).toHaveCount(0);
    expect((await httpRequest(`${app.listenerUrl}/kindly`, { body: kindly('after the lock') })).status).toBe(
      200,
    );
    await expect(page.getByRole('option')).toHaveCount(1);
    await expect(page.getByRole('option').first()).toContainText('after the lock');
  } finally {
    await app.stop();
    temp.remove();
  }
});

test('a starred capture survives the retention limit set in Settings', async ({ page, app }) => {
  for (const text of ['oldest, starred', 'middle', 'newest'])
    expect((await httpRequest(`${app.listenerUrl}/kindly`, { body: kindly(text) })).status).toBe(200);
  await page.goto(app.uiUrl);
  const list = page.getByRole('listbox', { name: /Captured requests/u });
  await expect(list.getByRole('option')).toHaveCount(3);
  await list.getByRole('option').filter({ hasText: 'oldest, starred' }).dispatchEvent('mousedown');
  const star = page.getByRole('button', { name: 'Star', exact: true });
  await star.click();
  await expect(page.getByRole('button', { name: 'Star', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );

  await page.getByRole('tab', { name: 'Settings' }).click();
  await page.getByLabel('Keep at most').fill('1');
  await page.getByLabel('Keep at most').locator('..').getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText(/Stored: 2 capture\(s\), 1 starred/u)).toBeVisible();

  await page.getByRole('tab', { name: 'Captures' }).click();
  await expect(list.getByRole('option')).toHaveCount(2);
  const left = (await app.call('captures.list', {})).items;
  expect(left.map((item) => [item.summary, item.starred])).toEqual([
    ['newest', false],
    ['oldest, starred', true],
  ]);
});

test('remote images: the setting changes the page policy after the reload it offers', async ({
  page,
  app,
}) => {
  await page.goto(app.uiUrl);
  await page.getByRole('tab', { name: 'Settings' }).click();
  const toggle = page.getByLabel('Load images from payloads');
  await expect(toggle).not.toBeChecked();
  await toggle.check();
  const reload = page.getByRole('button', { name: 'Reload now' });
  await expect(reload).toBeVisible();
  const [document] = await Promise.all([
    page.waitForResponse((response) => response.request().resourceType() === 'document'),
    reload.click(),
  ]);
  expect(document.headers()['content-security-policy']).toMatch(/img-src 'self' data: blob: https:;/u);
  await page.getByRole('tab', { name: 'Settings' }).click();
  await expect(page.getByLabel('Load images from payloads')).toBeChecked();
  await expect(page.getByRole('button', { name: 'Reload now' })).toHaveCount(0);
  // Off again: images stop at once in this page (the hook), and the next page has no https images.
  await page.getByLabel('Load images from payloads').uncheck();
  await expect
    .poll(async () => (await page.request.get(app.apiUrl + '/')).headers()['content-security-policy'])
    .toMatch(/img-src 'self' data: blob:;/u);
});
