import type { Locator, Page } from '@playwright/test';
import { httpRequest } from '../helpers/http.js';
import { startEchoServer } from '../helpers/echo-server.js';
import { KINDLY_HEADERS, KINDLY_TEXT_REQUEST } from '../fixtures/kindly.js';
import { expect, test } from './fixtures.js';

function sendKindly(listenerUrl: string, message: string) {
  return httpRequest(`${listenerUrl}/kindly`, {
    headers: KINDLY_HEADERS,
    body: JSON.stringify({ ...KINDLY_TEXT_REQUEST, message }),
    timeoutMs: 15_000,
  });
}

/** Replaces a CodeMirror editor's text as a paste would. */
async function replaceEditorText(page: Page, editor: Locator, text: string) {
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(text);
  await expect(editor).toHaveText(text);
}

async function openEndpoint(page: Page, prefix: string) {
  await page.getByRole('tab', { name: /Endpoints/u }).click();
  await page
    .getByRole('list', { name: 'Endpoints by prefix' })
    .getByRole('button', { name: new RegExp(`^${prefix} `, 'u') })
    .click();
  return page.getByRole('article', { name: `Endpoint ${prefix}` });
}

test('rules editor: add a mock rule, test it against a capture, and the sender gets the rendered template', async ({
  page,
  app,
}) => {
  await sendKindly(app.listenerUrl, KINDLY_TEXT_REQUEST.message);
  await page.goto(app.uiUrl);
  const editor = await openEndpoint(page, '/kindly');
  await editor.getByRole('radio', { name: 'Mock' }).click();
  await editor.getByRole('button', { name: 'Add rule' }).click();

  const rule = editor.getByRole('listitem', { name: /^Rule 1/u });
  await rule.getByLabel('Rule 1 message contains').fill('SATURDAY');
  await expect(rule.getByRole('checkbox', { name: /Ignore case/u })).toBeChecked();
  // The placeholder syntax is documented where the body is written.
  await rule.getByText('Placeholders you can use').click();
  await expect(rule.getByRole('rowheader', { name: '{{user_id}}' })).toBeVisible();
  // Kindly endpoints edit bodies in the reply studio; the plain JSON editor offers the placeholders.
  await rule.getByRole('radio', { name: 'Plain JSON' }).click();
  await replaceEditorText(
    page,
    rule.getByRole('textbox', { name: 'Rule 1 response body' }),
    '{"reply": "Saturdays 10–16, {{user_id}}. You wrote: {{message}}", "new_context": "{{context}}"}',
  );

  // Test against the capture: each condition, and the response as it would be sent.
  await rule.getByRole('button', { name: /Test against capture #/u }).click();
  const result = rule.getByRole('region', { name: 'Test result' });
  await expect(result.getByText('Matches', { exact: true })).toBeVisible();
  await expect(result.getByRole('row', { name: /Message contains/u })).toContainText(
    KINDLY_TEXT_REQUEST.message,
  );
  await result.getByRole('radio', { name: 'Text' }).click();
  await expect(result.getByText(`Saturdays 10–16, ${KINDLY_TEXT_REQUEST.user_id}`)).toBeVisible();

  // A server-side check lands next to the field it names: an invalid regex.
  await rule.getByLabel('Add a condition to rule 1').selectOption('textRegex');
  await rule.getByLabel('Rule 1 message matches regex').fill('(unclosed');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor.getByRole('alert')).toContainText('Rule 1 › message regex');
  const regexError = rule.locator('.field-error[data-field="rules.0.match.textRegex"]');
  await expect(regexError).toContainText('missing closing )');
  await rule.getByRole('button', { name: 'Remove the message matches regex condition from rule 1' }).click();

  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor.getByText('Unsaved changes')).toHaveCount(0);
  const saved = (await app.call('endpoints.list')).find((endpoint) => endpoint.prefix === '/kindly');
  expect(saved?.mode).toBe('mock');
  expect(saved?.rules).toHaveLength(1);
  expect(saved?.rules[0]?.match).toEqual({ text: 'SATURDAY', caseInsensitive: true });

  const answer = await sendKindly(app.listenerUrl, 'Are you open on saturday?');
  expect(answer.status).toBe(200);
  expect(JSON.parse(answer.text)).toEqual({
    reply: `Saturdays 10–16, ${KINDLY_TEXT_REQUEST.user_id}. You wrote: Are you open on saturday?`,
    new_context: KINDLY_TEXT_REQUEST.context,
  });
  const other = await sendKindly(app.listenerUrl, 'Hello');
  expect(other.text).toBe('{}');

  // The capture says which rule answered.
  const list = page.getByRole('listbox', { name: /Captured requests/u });
  await page.getByRole('tab', { name: /Captures/u }).click();
  await list.getByRole('option', { name: /Are you open on saturday/u }).dispatchEvent('mousedown');
  const detail = page.getByRole('article', { name: /^Capture/u });
  await detail.getByRole('tab', { name: /Response/u }).click();
  await expect(detail.getByText('Mock rule 1')).toBeVisible();
});

test('dictionary preset, reorder by keyboard, enable/disable; add, rename and delete an endpoint', async ({
  page,
  app,
}) => {
  await page.goto(app.uiUrl);
  const editor = await openEndpoint(page, '/kindly');
  await editor.getByRole('radio', { name: 'Mock' }).click();
  await editor.getByRole('button', { name: 'Import dictionary…' }).click();
  await editor
    .getByLabel('Dictionary pairs, one per line')
    .fill('opening hours = We are open 10–18.\nhow much? (USD) = Prices are in the shop.');
  await editor.getByRole('button', { name: 'Add 2 rules' }).click();
  const rules = editor.getByRole('list', { name: 'Rules, first match wins' }).getByRole('listitem');
  await expect(rules).toHaveCount(2);
  await expect(rules.nth(1)).toContainText('Dictionary: how much? (USD)');

  // Alt+↑ on the second rule moves it first, and keyboard focus stays with it.
  await rules
    .nth(1)
    .getByRole('button', { name: /how much/u })
    .focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(rules.nth(0)).toContainText('Dictionary: how much? (USD)');
  await expect(rules.nth(0).getByRole('button', { name: /how much/u })).toBeFocused();
  // The button moves it back down, then up again.
  await rules.nth(0).getByRole('button', { name: 'Move rule 1 down' }).click();
  await expect(rules.nth(1)).toContainText('how much');
  await rules.nth(1).getByRole('button', { name: 'Move rule 2 up' }).click();
  await rules.nth(1).getByRole('checkbox', { name: 'Rule 2 enabled' }).uncheck();
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor.getByText('Unsaved changes')).toHaveCount(0);

  const saved = (await app.call('endpoints.list')).find((endpoint) => endpoint.prefix === '/kindly');
  expect(saved?.rules.map((rule) => [rule.match.text, rule.enabled])).toEqual([
    ['how much? (USD)', true],
    ['opening hours', false],
  ]);
  // Phrases are literal: "?" and "(" are plain characters.
  expect(JSON.parse((await sendKindly(app.listenerUrl, 'HOW MUCH? (usd) for the jacket')).text)).toEqual({
    reply: 'Prices are in the shop.',
  });
  // The disabled rule is skipped.
  expect((await sendKindly(app.listenerUrl, 'opening hours please')).text).toBe('{}');

  // Add an endpoint, rename it, delete it.
  await page.getByRole('button', { name: 'Add endpoint' }).click();
  await page.getByLabel('New endpoint prefix').fill('/kindly/staging');
  await page.getByLabel('New endpoint prefix').press('Enter');
  const staging = page.getByRole('article', { name: 'Endpoint /kindly/staging' });
  await expect(staging).toBeVisible();
  await staging.getByLabel('Path prefix').fill('/kindly/test');
  await staging.getByRole('button', { name: 'Save' }).click();
  const renamed = page.getByRole('article', { name: 'Endpoint /kindly/test' });
  await expect(renamed).toBeVisible();
  expect((await app.call('endpoints.list')).map((endpoint) => endpoint.prefix)).toEqual([
    '/dashly',
    '/kindly',
    '/kindly/test',
  ]);
  await renamed.getByRole('button', { name: 'Delete endpoint…' }).click();
  await expect(renamed.getByRole('alertdialog')).toContainText('Its captures stay');
  await renamed.getByRole('button', { name: 'Delete /kindly/test' }).click();
  await expect(page.getByRole('list', { name: 'Endpoints by prefix' }).getByRole('listitem')).toHaveCount(2);
});

test('forward mode in the UI; the capture shows the target’s side', async ({ page, app }) => {
  const echo = await startEchoServer();
  try {
    await page.goto(app.uiUrl);
    const editor = await openEndpoint(page, '/kindly');
    await editor.getByRole('radio', { name: 'Forward' }).click();
    await editor.getByRole('button', { name: 'Save' }).click();
    // The target is required: the problem shows at the field.
    await expect(editor.locator('.field-error[data-field="target"]')).toContainText('needs a target URL');
    await editor.getByLabel('Target URL').fill(`${echo.url}/bot`);
    await editor.getByLabel('Timeout (seconds)').fill('5');
    await editor.getByRole('button', { name: 'Save' }).click();
    await expect(editor.getByText('Unsaved changes')).toHaveCount(0);

    const answer = await sendKindly(app.listenerUrl, 'Forward me');
    expect(answer.status).toBe(200);
    expect(echo.received[0]?.url).toBe('/bot');

    await page.getByRole('tab', { name: /Captures/u }).click();
    await page
      .getByRole('listbox', { name: /Captured requests/u })
      .getByRole('option')
      .first()
      .dispatchEvent('mousedown');
    const detail = page.getByRole('article', { name: /^Capture/u });
    await expect(detail.getByText('forwarded', { exact: true })).toBeVisible();
    await detail.getByRole('tab', { name: /Response/u }).click();
    await expect(detail.getByText('Your server’s answer, forwarded')).toBeVisible();
    await expect(detail.getByText(`POST ${echo.url}/bot`)).toBeVisible();
    await expect(detail.getByText('The sender got exactly your server’s answer, shown above.')).toBeVisible();
  } finally {
    await echo.close();
  }
});
