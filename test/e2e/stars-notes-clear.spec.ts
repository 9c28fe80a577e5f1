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

test('star from the keyboard and the row, filter to starred, write a note and find it by search', async ({
  page,
  app,
}) => {
  for (const text of ['alpha', 'bravo', 'charlie']) await sendKindly(app, `chat-${text}`, text);
  await page.goto(app.uiUrl);
  const list = page.getByRole('listbox', { name: /Captured requests/u });
  await expect(list.getByRole('option')).toHaveCount(3);

  // `s` stars the selected capture; the detail's toggle follows.
  await page.keyboard.press('j');
  await page.keyboard.press('s');
  const detail = page.getByRole('article', { name: /Capture/u });
  await expect(detail.getByRole('button', { name: 'Star', pressed: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(list.getByRole('option', { name: /charlie/u })).toContainText('starred');
  // The row's star (a mouse shortcut) stars another without changing the selection.
  await list.getByRole('option', { name: /alpha/u }).hover();
  await list
    .getByRole('option', { name: /alpha/u })
    .locator('.row-star')
    .dispatchEvent('mousedown', { button: 0 });
  await expect(list.getByRole('option', { name: /alpha/u })).toContainText('starred');
  await expect(list.getByRole('option', { selected: true })).toContainText('charlie');

  await page.getByRole('button', { name: 'Only starred captures' }).click();
  await expect(list.getByRole('option')).toHaveCount(2);
  await page.getByRole('button', { name: 'Only starred captures' }).click();
  await expect(list.getByRole('option')).toHaveCount(3);

  // `n` opens the note editor; Ctrl+Enter saves.
  await page.keyboard.press('n');
  const editor = detail.getByRole('textbox', { name: 'Note on this capture' });
  await expect(editor).toBeFocused();
  await page.keyboard.type('Widget sent it twice: ticket 4411');
  await page.keyboard.press('Control+Enter');
  await expect(detail.getByRole('region', { name: 'Note' })).toContainText(
    'Widget sent it twice: ticket 4411',
  );
  await expect(list.getByRole('option', { name: /charlie/u })).toContainText('ticket 4411');
  expect(
    (await app.call('captures.get', { id: (await app.call('captures.list', {})).items[0]!.id })).note,
  ).toBe('Widget sent it twice: ticket 4411');

  // Full-text search finds notes.
  await page.keyboard.press('/');
  await page.keyboard.type('4411');
  await expect(list.getByRole('option')).toHaveCount(1);
  await expect(list.getByRole('option')).toContainText('charlie');
  await page.keyboard.press('Escape');

  // Edit, then remove by saving it empty; Esc cancels an edit.
  await detail.getByRole('button', { name: 'Edit note' }).click();
  await editor.fill('changed my mind');
  await page.keyboard.press('Escape');
  await expect(detail.getByRole('region', { name: 'Note' })).toContainText('ticket 4411');
  await detail.getByRole('button', { name: 'Edit note' }).click();
  await editor.fill('');
  await detail.getByRole('button', { name: 'Save note' }).click();
  await expect(detail.getByRole('region', { name: 'Note' })).toHaveCount(0);
  await expect(detail.getByRole('button', { name: 'Add note' })).toBeVisible();
});

test('clear all asks first, says how many, keeps the starred ones unless told otherwise', async ({
  page,
  app,
}) => {
  for (const text of ['one', 'two', 'three']) await sendKindly(app, `chat-${text}`, text);
  const ids = (await app.call('captures.list', {})).items.map((item) => item.id);
  await app.call('captures.star', { ids: [ids[1]!] });
  await page.goto(app.uiUrl);
  const list = page.getByRole('listbox', { name: /Captured requests/u });
  await expect(list.getByRole('option')).toHaveCount(3);

  await page.getByRole('button', { name: 'Clear captures…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Clear captures' });
  await expect(dialog).toContainText('3 captures stored, 1 of them starred');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expect(dialog.getByRole('checkbox', { name: 'Keep the 1 starred capture' })).toBeChecked();
  // Cancel deletes nothing.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(list.getByRole('option')).toHaveCount(3);

  await page.getByRole('button', { name: 'Clear captures…' }).click();
  await dialog.getByRole('button', { name: 'Delete 2 captures' }).click();
  await expect(dialog).toBeHidden();
  await expect(list.getByRole('option')).toHaveCount(1);
  await expect(list.getByRole('option')).toContainText('two');

  // From Settings › Storage, without keeping the starred ones.
  await page.getByRole('tab', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Clear captures…' }).click();
  await dialog.getByRole('checkbox', { name: /Keep the 1 starred capture/u }).uncheck();
  await expect(dialog).toContainText('Starred captures are deleted too.');
  await dialog.getByRole('button', { name: 'Delete 1 capture' }).click();
  await expect(dialog).toBeHidden();
  expect((await app.call('captures.list', {})).items).toEqual([]);
});
