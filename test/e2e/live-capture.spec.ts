import { httpRequest } from '../helpers/http.js';
import { DASHLY_DOC_LEAD_BODY, DASHLY_HEADERS } from '../fixtures/dashly.js';
import { KINDLY_HEADERS, KINDLY_TEXT_REQUEST } from '../fixtures/kindly.js';
import { expect, test } from './fixtures.js';

test('webhooks appear live, open as parsed messages and as a conversation thread', async ({ page, app }) => {
  await page.goto(app.uiUrl);
  await expect(page.getByRole('heading', { name: 'Waiting for the first webhook' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Live' })).toBeVisible();
  // The token leaves the address bar once read.
  expect(page.url()).not.toContain('token=');

  await httpRequest(`${app.listenerUrl}/dashly`, { headers: DASHLY_HEADERS, body: DASHLY_DOC_LEAD_BODY });
  await httpRequest(`${app.listenerUrl}/kindly`, {
    headers: KINDLY_HEADERS,
    body: JSON.stringify(KINDLY_TEXT_REQUEST),
  });

  const list = page.getByRole('listbox', { name: /Captured requests/u });
  await expect(list.getByRole('option')).toHaveCount(2);
  await expect(list.getByRole('option').first()).toContainText('When are you open on Saturday?');
  await expect(list.getByRole('option').nth(1)).toContainText('ewfwfwef');

  // Open the Dashly capture: its message is parsed, its form body decoded.
  await list.getByRole('option').nth(1).dispatchEvent('mousedown');
  const detail = page.getByRole('article', { name: /Capture/u });
  await expect(detail.getByRole('listitem').filter({ hasText: 'ewfwfwef' })).toBeVisible();
  await expect(detail.getByText('64558819').first()).toBeVisible();
  await detail.getByRole('tab', { name: 'Request' }).click();
  await expect(detail.getByText('Dashly Webhook 1.0')).toBeVisible();
  await expect(detail.getByText('JSON, decoded')).toBeVisible();

  // Keyboard: move to the Kindly capture.
  await list.focus();
  await page.keyboard.press('ArrowUp');
  await expect(detail.getByText('oslo-sentrum')).toBeVisible();

  // The conversation thread.
  await detail.getByRole('button', { name: 'Open conversation' }).click();
  const thread = page.getByRole('article', { name: `Conversation ${KINDLY_TEXT_REQUEST.chat_id}` });
  await expect(thread.getByRole('listitem')).toContainText(['When are you open on Saturday?']);

  // A message in the open thread arrives live.
  await httpRequest(`${app.listenerUrl}/kindly`, {
    headers: KINDLY_HEADERS,
    body: JSON.stringify({ ...KINDLY_TEXT_REQUEST, message: 'And on Sunday?' }),
  });
  await expect(thread.getByRole('listitem')).toHaveCount(2);
  await expect(thread.getByRole('listitem').nth(1)).toContainText('And on Sunday?');
});

test('search and provider filter narrow the list; payload HTML stays text', async ({ page, app }) => {
  await httpRequest(`${app.listenerUrl}/hook`, {
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      note: '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> invoice',
    }),
  });
  await httpRequest(`${app.listenerUrl}/dashly`, { headers: DASHLY_HEADERS, body: DASHLY_DOC_LEAD_BODY });
  await page.goto(app.uiUrl);
  const list = page.getByRole('listbox', { name: /Captured requests/u });
  await expect(list.getByRole('option')).toHaveCount(2);

  await page.getByRole('radio', { name: 'Dashly' }).first().click();
  await expect(list.getByRole('option')).toHaveCount(1);
  await page.getByRole('radio', { name: 'All' }).first().click();

  await page.keyboard.press('/');
  await page.keyboard.type('invoice');
  await expect(list.getByRole('option')).toHaveCount(1);
  await list.getByRole('option').first().dispatchEvent('mousedown');
  await page.getByRole('tab', { name: 'Request' }).click();
  await expect(page.getByText('<script>window.__pwned=2</script>', { exact: false }).first()).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});

test('a tab without the token is told how to get in, and the API refuses it', async ({ page, app }) => {
  await page.goto(app.apiUrl);
  await expect(page.getByRole('heading', { name: /printed link/u })).toBeVisible();
});
