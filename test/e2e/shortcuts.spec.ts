import type { Page } from '@playwright/test';
import { httpRequest } from '../helpers/http.js';
import type { ServeProcess } from '../helpers/serve-process.js';
import { expect, test } from './fixtures.js';

async function sendKindly(app: ServeProcess, chat: string, message: string): Promise<void> {
  const res = await httpRequest(`${app.listenerUrl}/kindly`, {
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ chat_id: chat, bot_id: 1, user_id: 'u1', message }),
  });
  expect(res.status).toBe(200);
}

const selected = (page: Page) => page.getByRole('option', { selected: true });

test('j/k move through captures without taking focus; / focuses search; typing there is not a shortcut', async ({
  page,
  app,
}) => {
  for (const text of ['first', 'second', 'third']) await sendKindly(app, `chat-${text}`, text);
  await page.goto(app.uiUrl);
  await expect(page.getByRole('option')).toHaveCount(3);

  await page.keyboard.press('j');
  await expect(selected(page)).toContainText('third');
  await page.keyboard.press('j');
  await expect(selected(page)).toContainText('second');
  await expect(page.getByRole('article', { name: /Capture/u })).toContainText('second');
  await page.keyboard.press('k');
  await expect(selected(page)).toContainText('third');
  // Nothing took focus.
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);

  // Arrow keys still move while the list has focus.
  await page.getByRole('listbox', { name: /Captured requests/u }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(selected(page)).toContainText('second');

  await page.keyboard.press('/');
  const search = page.getByRole('searchbox', { name: 'Search captures' });
  await expect(search).toBeFocused();
  await page.keyboard.type('jk');
  await expect(search).toHaveValue('jk');
  await expect(selected(page)).toContainText('second');
  await page.keyboard.press('Escape');
  await expect(search).toHaveValue('');
});

test('j/k move through conversations and endpoints too', async ({ page, app }) => {
  await sendKindly(app, 'chat-old', 'older chat');
  await sendKindly(app, 'chat-new', 'newer chat');
  await page.goto(app.uiUrl);
  await page.getByRole('tab', { name: 'Conversations' }).click();
  await expect(page.getByRole('list', { name: /Conversations/u }).getByRole('button')).toHaveCount(2);
  await page.keyboard.press('j');
  await expect(page.getByRole('article', { name: 'Conversation chat-new' })).toBeVisible();
  await page.keyboard.press('j');
  await expect(page.getByRole('article', { name: 'Conversation chat-old' })).toBeVisible();

  await page.getByRole('tab', { name: 'Endpoints' }).click();
  const current = page.getByRole('list', { name: 'Endpoints by prefix' }).locator('[aria-current="true"]');
  await expect(current).toContainText('/dashly');
  await page.keyboard.press('j');
  await expect(current).toContainText('/kindly');
  await page.keyboard.press('k');
  await expect(current).toContainText('/dashly');
});

test('? lists every shortcut, Esc closes the dialog and gives focus back; shortcuts wait while it is open', async ({
  page,
  app,
}) => {
  await sendKindly(app, 'chat-a', 'only one');
  await page.goto(app.uiUrl);
  const help = page.getByRole('button', { name: 'Help' });
  await help.focus();
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  for (const text of [
    'Show the keyboard shortcuts',
    'Next item in the list',
    'Star or unstar the selected capture',
    'Replay the selected capture',
    'Edit the selected capture and replay it',
    'Send the fallback now',
    'never the window',
  ]) {
    await expect(dialog).toContainText(text);
  }
  // A single-key shortcut does nothing behind the dialog.
  await page.keyboard.press('j');
  await expect(page.getByRole('option', { selected: true })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(help).toBeFocused();

  // The Help menu reaches the same dialog by keyboard.
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem', { name: 'Getting started' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(help).toBeFocused();
});
