import { createHmac } from 'node:crypto';
import type { Locator, Page } from '@playwright/test';
import { buildKindlyPreview, validateKindlyReply } from '../../shared/kindly/index.js';
import { KINDLY_HEADERS, KINDLY_TEXT_REQUEST, KINDLY_TRANSCRIPT } from '../fixtures/kindly.js';
import { startFakeKindlyApi } from '../helpers/fake-kindly-api.js';
import { httpRequest } from '../helpers/http.js';
import type { ServeProcess } from '../helpers/serve-process.js';
import { expect, test } from './fixtures.js';

const KINDLY_REQUEST_BODY = JSON.stringify(KINDLY_TEXT_REQUEST);

/** Waits until the listener holds a request open and returns the hold. */
async function waitForHold(app: ServeProcess) {
  await expect.poll(async () => (await app.call('holds.list', {})).length, { timeout: 10_000 }).toBe(1);
  const [hold] = await app.call('holds.list', {});
  if (!hold) throw new Error('No hold');
  return hold;
}

async function openStudio(page: Page): Promise<Locator> {
  await page.getByRole('tab', { name: 'Studio' }).click();
  return page.getByRole('region', { name: 'Kindly reply studio', exact: true });
}

/** The reply JSON as the studio holds it, read through its own "Copy JSON" button. */
async function copiedJson(page: Page): Promise<unknown> {
  await page.getByRole('button', { name: 'Copy JSON' }).click();
  return JSON.parse(await page.evaluate(() => navigator.clipboard.readText())) as unknown;
}

/** Fills a builder text input found by its label inside `scope`. */
async function fill(scope: Locator, label: string, value: string): Promise<void> {
  await scope.getByRole('textbox', { name: label, exact: true }).fill(value);
}

test('a held Kindly webhook answered from the studio: text, two buttons, two cards and a two-field form built in the builder; the sender receives the JSON the preview showed', async ({
  page,
  app,
}) => {
  // Many steps through a real UI: give it room on a busy machine.
  test.setTimeout(150_000);
  await app.call('endpoints.save', { prefix: '/kindly', mode: 'hold', holdTimeoutMs: 140_000 });
  await app.call('templates.save', {
    name: 'Greeting',
    provider: 'kindly',
    body: JSON.stringify({ reply: 'You asked: {{message}}\n\nPick one below.' }),
  });
  // Kindly's POST stays open until the operator answers.
  const answer = httpRequest(`${app.listenerUrl}/kindly`, {
    headers: KINDLY_HEADERS,
    body: KINDLY_REQUEST_BODY,
    timeoutMs: 140_000,
  });
  await waitForHold(app);

  await page.goto(app.uiUrl);
  const card = page
    .getByRole('complementary', { name: 'Held requests' })
    .getByRole('article', { name: /^Held request/u });
  await expect(card.getByLabel('Held message')).toHaveText(KINDLY_TEXT_REQUEST.message);
  await card.getByRole('button', { name: 'Expand the composer' }).click();
  const dialog = page.getByRole('dialog', { name: 'Reply to the held Kindly request' });
  const studio = dialog.getByRole('region', { name: 'Kindly reply composer', exact: true });

  // Text, from a template whose placeholder is filled from the held payload.
  await studio.getByLabel('Reply template').selectOption({ label: 'Greeting' });
  await studio.getByRole('button', { name: 'Insert' }).click();
  await expect(studio.getByRole('textbox', { name: 'Message', exact: true })).toHaveValue(
    `You asked: ${KINDLY_TEXT_REQUEST.message}\n\nPick one below.`,
  );
  const add = studio.getByRole('group', { name: 'Add to the reply', exact: true });

  // Two buttons: a quick reply and a link.
  await add.getByRole('button', { name: 'Buttons' }).click();
  await studio.getByRole('button', { name: 'Add button' }).click();
  await studio.getByRole('button', { name: 'Add button' }).click();
  const button1 = studio.getByRole('group', { name: 'Button 1', exact: true });
  await fill(button1, 'Label', 'Sunday hours?');
  await fill(button1, 'Sends (as the user)', 'When are you open on Sunday?');
  const button2 = studio.getByRole('group', { name: 'Button 2', exact: true });
  await button2.getByRole('combobox', { name: 'Type' }).selectOption('link');
  await fill(button2, 'Label', 'All opening hours');
  await fill(button2, 'URL', 'https://shop.example.com/hours');
  await button2.getByRole('checkbox', { name: 'Open in a new tab' }).check();

  // A two-card carousel, each card with a button.
  await add.getByRole('button', { name: 'Image carousel' }).click();
  await studio.getByRole('button', { name: 'Add card', exact: true }).click();
  for (const [index, title] of ['Fjord Shell', 'Harbour Parka'].entries()) {
    const card = studio.getByRole('group', { name: `Card ${index + 1}`, exact: true });
    await fill(card, 'Title', title);
    await fill(card, 'Description', `Jacket ${index + 1}`);
    await fill(card, 'Image URL (imageUrl)', `https://cdn.shop.example.com/${index + 1}.jpg`);
    await card.getByRole('button', { name: 'Add card button' }).click();
    const cardButton = card.getByRole('group', { name: 'Card button 1', exact: true });
    await fill(cardButton, 'Label', 'More like this');
    await fill(cardButton, 'Sends (as the user)', `More like ${title}`);
  }

  // A form with two fields: a required text and a select.
  await add.getByRole('button', { name: 'Form' }).click();
  const form = studio.getByRole('region', { name: 'Form', exact: true });
  await fill(form, 'Title', 'Book a fitting');
  const field1 = form.getByRole('group', { name: 'Field 1', exact: true });
  await fill(field1, 'Label', 'Your name');
  await field1.getByRole('checkbox', { name: 'Required' }).check();
  await form.getByRole('button', { name: /Add field/u }).click();
  const field2 = form.getByRole('group', { name: 'Field 2', exact: true });
  await field2.getByRole('combobox', { name: 'Input type' }).selectOption('select');
  await fill(field2, 'Label', 'Store');
  await fill(field2.getByRole('group', { name: 'Option 1', exact: true }), 'Option label', 'Oslo');

  // The preview shows every part.
  const preview = studio.getByRole('region', { name: 'Preview', exact: true });
  const bubbles = preview.locator('.kp-bubble');
  await expect(bubbles).toHaveText([`You asked: ${KINDLY_TEXT_REQUEST.message}`, 'Pick one below.']);
  const replyButtons = preview.locator('.kp-widget-body > .kp-buttons > .kp-button .kp-button-label');
  await expect(replyButtons).toHaveText(['Sunday hours?', 'All opening hours']);
  const carousel = preview.getByRole('list', { name: 'Image carousel' });
  const cardTitles = carousel.locator('.kp-card-title');
  await expect(cardTitles).toHaveText(['Fjord Shell', 'Harbour Parka']);
  const previewForm = preview.getByRole('group', { name: 'Form: Book a fitting', exact: true });
  const fieldLabels = previewForm.locator('.kp-field-label');
  await expect(fieldLabels).toHaveText(['Your name*', 'Store']);
  await expect(studio.getByRole('status').filter({ hasText: 'Kindly would accept it' })).toBeVisible();
  const shown = {
    bubbles: await bubbles.allInnerTexts(),
    buttons: await replyButtons.allInnerTexts(),
    cards: await cardTitles.allInnerTexts(),
    fields: (await fieldLabels.allInnerTexts()).map((label) => label.replace(/\*$/u, '')),
  };

  // Send from the studio; the sender gets the JSON, and it is what the preview showed.
  await dialog.getByRole('button', { name: 'Send reply' }).click();
  await expect(dialog).toBeHidden();
  const received = await answer;
  expect(received.status).toBe(200);
  expect(received.headers['content-type']).toContain('application/json');
  const sent = JSON.parse(received.text) as unknown;
  expect(validateKindlyReply(sent)).toMatchObject({ valid: true, errors: [] });
  const model = buildKindlyPreview(sent);
  expect({
    bubbles: model.paragraphs.map((paragraph) => paragraph.text),
    buttons: model.buttons.map((button) => button.label),
    cards: model.carousel.map((item) => item.title),
    fields: model.form?.fields.map((field) => field.label),
  }).toEqual(shown);
  expect(model.buttons[1]).toMatchObject({
    kind: 'link',
    href: 'https://shop.example.com/hours',
    opensInNewTab: true,
  });
  expect(model.form?.fields[0]?.required).toBe(true);
  expect(model.form?.fields[1]?.options).toEqual([{ value: 'option-1', label: 'Oslo' }]);

  // Recorded as the operator's answer.
  const detail = await app.call('captures.get', {
    id: (await app.call('captures.list', {})).items[0]?.id ?? 0,
  });
  expect(detail.response?.source).toBe('operator');
});

test('builder and JSON stay in sync both ways; broken JSON pauses the builder; completion comes from the schema', async ({
  page,
  app,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(app.uiUrl);
  const studio = await openStudio(page);
  const editor = studio.getByRole('textbox', { name: 'Reply JSON' });

  // JSON → builder.
  await editor.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText('{"reply": "From JSON", "labels": ["vip"]}');
  await expect(studio.getByRole('textbox', { name: 'Message', exact: true })).toHaveValue('From JSON');
  await expect(studio.getByRole('list', { name: 'Labels' })).toContainText('vip');

  // Builder → JSON (and the JSON keeps the documented key order).
  await studio.getByRole('textbox', { name: 'Message', exact: true }).fill('From the builder');
  await studio
    .getByRole('group', { name: 'Add to the reply', exact: true })
    .getByRole('button', { name: 'Buttons' })
    .click();
  expect(await copiedJson(page)).toEqual({ reply: 'From the builder', buttons: [], labels: ['vip'] });
  expect(Object.keys((await copiedJson(page)) as object)).toEqual(['reply', 'buttons', 'labels']);

  // JSON that does not parse: the builder stays at the last valid reply and says so.
  await editor.click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.insertText(',');
  const paused = studio.getByRole('alert').filter({ hasText: 'does not parse' });
  await expect(paused).toBeVisible();
  await expect(studio.getByRole('textbox', { name: 'Message', exact: true })).toBeDisabled();
  await expect(studio.getByRole('textbox', { name: 'Message', exact: true })).toHaveValue('From the builder');
  await expect(studio.getByRole('region', { name: 'Preview', exact: true })).toContainText('last valid JSON');
  await paused.getByRole('button', { name: 'Discard JSON edits' }).click();
  await expect(paused).toBeHidden();
  await expect(studio.getByRole('textbox', { name: 'Message', exact: true })).toBeEnabled();

  // Schema-aware completion: inside a link button, the keys a link may still take.
  await editor.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText('{"buttons": [{"button_type": "link", "label": "a", \n]}');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.type('"o');
  const completions = page.locator('.cm-tooltip-autocomplete');
  await completions.getByRole('option', { name: /open_in_new_tab/u }).click();
  await page.keyboard.insertText('true, "value": "https://x.example"}');
  expect(await copiedJson(page)).toEqual({
    buttons: [{ button_type: 'link', label: 'a', open_in_new_tab: true, value: 'https://x.example' }],
  });

  // Findings: an error in the list jumps to its place in the JSON.
  await editor.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText(
    '{"buttons": [{"button_type": "link", "label": "Go", "value": "not a url"}]}',
  );
  const findings = studio.getByRole('region', { name: 'Findings', exact: true });
  const finding = findings.getByRole('button', { name: /buttons\[0\]\.value/u });
  await expect(finding).toBeVisible();
  await finding.click();
  await expect(editor).toBeFocused();
  // The editor selects the property the finding is about.
  expect(await page.evaluate(() => window.getSelection()?.toString())).toBe('"value"');
  // The builder marks the same place under its input.
  await expect(
    studio.getByRole('group', { name: 'Button 1', exact: true }).locator('.ks-hint-error'),
  ).toBeVisible();
});

test('templates: save one, insert it with placeholders filled from a Kindly payload, and see what they resolved to', async ({
  page,
  app,
}) => {
  await httpRequest(`${app.listenerUrl}/kindly`, { headers: KINDLY_HEADERS, body: KINDLY_REQUEST_BODY });
  await page.goto(app.uiUrl);
  const studio = await openStudio(page);
  await studio
    .getByRole('group', { name: 'Add to the reply', exact: true })
    .getByRole('button', { name: 'Message' })
    .click();
  await fill(
    studio,
    'Message',
    'You asked “{{message}}” at {{context.store}} ({{context.floor | ground floor}})',
  );
  await studio.getByRole('button', { name: 'Save as template' }).click();
  await studio.getByRole('textbox', { name: 'Template name' }).fill('Echo');
  await studio.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved template “Echo”' })).toBeVisible();
  expect((await app.call('templates.list', { provider: 'kindly' })).map((t) => t.name)).toEqual(['Echo']);

  await page.getByRole('button', { name: 'New', exact: true }).click();
  const [capture] = (await app.call('captures.list', { provider: 'kindly' })).items;
  await page.getByLabel('Placeholders from').selectOption(String(capture?.id));
  await studio.getByLabel('Reply template').selectOption({ label: 'Echo' });
  await studio.getByRole('button', { name: 'Insert' }).click();
  await expect(studio.getByRole('textbox', { name: 'Message', exact: true })).toHaveValue(
    `You asked “${KINDLY_TEXT_REQUEST.message}” at ${KINDLY_TEXT_REQUEST.context.store} (ground floor)`,
  );
  const report = studio.getByRole('status').filter({ hasText: 'Inserted “Echo”' });
  await expect(report.getByRole('row', { name: /\{\{message\}\}/u })).toContainText(
    KINDLY_TEXT_REQUEST.message,
  );
  await expect(report.getByRole('row', { name: /context\.floor/u })).toContainText('not in the payload');

  await studio.getByRole('button', { name: 'Delete the chosen template' }).click();
  await expect.poll(async () => (await app.call('templates.list', { provider: 'kindly' })).length).toBe(0);
});

test('a captured response renders inert: a javascript: link is text, remote images wait for "Load images"', async ({
  page,
  app,
}) => {
  const reply = {
    reply: 'Careful',
    buttons: [{ button_type: 'link', label: 'Click me', value: 'javascript:window.__pwned=1' }],
    image_carousel: [{ id: 'c1', title: 'Pixel', imageUrl: 'https://images.tracker.example/pixel.png' }],
  };
  await app.call('endpoints.save', { prefix: '/kindly', mode: 'mock', fallback: { body: reply } });
  let imageRequests = 0;
  await page.route('https://images.tracker.example/**', (route) => {
    imageRequests++;
    // A 1×1 PNG.
    return route.fulfill({
      contentType: 'image/png',
      body: Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
        'base64',
      ),
    });
  });
  await httpRequest(`${app.listenerUrl}/kindly`, { headers: KINDLY_HEADERS, body: KINDLY_REQUEST_BODY });
  await page.goto(app.uiUrl);
  await page
    .getByRole('listbox', { name: /Captured requests/u })
    .getByRole('option')
    .first()
    .dispatchEvent('mousedown');
  await page.getByRole('tab', { name: /Response/u }).click();

  const inspection = page.getByRole('region', { name: 'As Kindly reads it', exact: true });
  await expect(inspection.getByRole('status').filter({ hasText: /error/u })).toBeVisible();
  await expect(inspection.getByText('`javascript:` URLs', { exact: false })).toBeVisible();
  const button = inspection.locator('.kp-button').filter({ hasText: 'Click me' });
  await expect(button).toContainText('javascript:window.__pwned=1');
  await expect(button).toContainText('not a usable link');
  // Nothing in the rendered reply is a link or a control that could run it.
  expect(await inspection.locator('a').count()).toBe(0);
  await button.locator('.kp-button-face').click();
  expect(page.url()).not.toContain('javascript');
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

  // No request for the remote image until the user asks.
  await expect(inspection.getByText('Image not loaded')).toBeVisible();
  expect(imageRequests).toBe(0);
  // "Load images" turns the privacy setting on and reloads, so the page's CSP lets https images in.
  await Promise.all([
    page.waitForEvent('load'),
    inspection.getByRole('button', { name: 'Load images' }).click(),
  ]);
  expect((await app.call('settings.get', {})).values['privacy.loadRemoteImages']).toBe(true);
  await page
    .getByRole('listbox', { name: /Captured requests/u })
    .getByRole('option')
    .first()
    .dispatchEvent('mousedown');
  await page.getByRole('tab', { name: /Response/u }).click();
  await expect(inspection.getByRole('img', { name: 'Pixel' })).toBeVisible();
  expect(imageRequests).toBeGreaterThan(0);
});

test('Kindly chat: signature status, bot replies rich-rendered with context changes, transcript and simulate a user', async ({
  page,
  app,
}) => {
  const fake = await startFakeKindlyApi({
    botKey: 'bot-key',
    appKey: 'app-key',
    chats: { [KINDLY_TEXT_REQUEST.chat_id]: KINDLY_TRANSCRIPT },
  });
  try {
    await app.call('settings.update', {
      'kindly.hmacSecret': 'examplekey',
      'kindly.botApiKey': 'bot-key',
      'kindly.appApiKey': 'app-key',
      'kindly.apiBaseUrl': fake.url,
    });
    await app.call('endpoints.save', {
      prefix: '/kindly',
      mode: 'mock',
      fallback: {
        body: {
          reply: 'Saturday: 10–18.',
          buttons: [
            { button_type: 'quick_reply', label: 'And Sunday?', value: 'When are you open on Sunday?' },
          ],
          new_context: { store: 'oslo-storgata', asked: true },
        },
      },
    });
    const payload = {
      ...KINDLY_TEXT_REQUEST,
      _links: { chat: `${fake.url}/api/v1/chats/${KINDLY_TEXT_REQUEST.chat_id}` },
    };
    const body = JSON.stringify(payload);
    const signature = createHmac('sha256', 'examplekey').update(body).digest('base64');
    await httpRequest(`${app.listenerUrl}/kindly`, {
      headers: { ...KINDLY_HEADERS, 'kindly-hmac': signature },
      body,
    });
    await httpRequest(`${app.listenerUrl}/kindly`, {
      headers: { ...KINDLY_HEADERS, 'kindly-hmac': signature },
      body: JSON.stringify({ ...payload, message: 'tampered' }),
    });

    await page.goto(app.uiUrl);
    const rows = page.getByRole('listbox', { name: /Captured requests/u }).getByRole('option');
    const detail = page.getByRole('article', { name: /Capture/u });
    await rows.nth(0).dispatchEvent('mousedown');
    await expect(detail.getByText('Signature mismatch')).toBeVisible();
    await expect(detail.getByRole('note').filter({ hasText: 'does not match this body' })).toBeVisible();
    await rows.nth(1).dispatchEvent('mousedown');
    await expect(detail.getByText('Signature verified')).toBeVisible();

    await detail.getByRole('button', { name: 'Open conversation' }).click();
    const thread = page.getByRole('article', { name: `Conversation ${KINDLY_TEXT_REQUEST.chat_id}` });
    const messages = thread.getByRole('list', { name: 'Messages' });
    const botReply = messages.getByRole('listitem').filter({ hasText: 'Bot reply' }).first();
    await expect(botReply).toContainText('Saturday: 10–18.');
    await expect(botReply.locator('.kp-button-label')).toHaveText('And Sunday?');
    await expect(botReply.getByRole('status')).toContainText('Kindly would accept it');
    const changes = messages.getByRole('listitem', { name: 'Context changes' }).first();
    await expect(changes).toContainText('store');
    await expect(changes).toContainText('“oslo-sentrum”');
    await expect(changes).toContainText('“oslo-storgata”');
    await expect(changes).toContainText('asked');

    await thread.getByRole('button', { name: 'Fetch transcript' }).click();
    const transcript = thread.getByRole('complementary', { name: 'Kindly transcript' });
    await expect(transcript.getByRole('listitem')).toHaveCount(2);
    await expect(transcript).toContainText('Shop bot');
    await transcript.getByRole('button', { name: 'Refresh' }).click();
    await expect.poll(() => fake.requests.filter((r) => r.path.startsWith('/api/v1/chats/')).length).toBe(2);

    await thread.getByRole('button', { name: 'Simulate a user' }).click();
    const simulate = thread.getByRole('form', { name: 'Simulate a user' });
    await expect(simulate.getByRole('textbox', { name: 'User id' })).toHaveValue(KINDLY_TEXT_REQUEST.user_id);
    await simulate.getByRole('textbox', { name: 'Message as the user' }).fill('Book a fitting');
    await simulate.getByRole('button', { name: 'Send as user' }).click();
    await expect(simulate.getByRole('status')).toContainText('Sent.');
    const sent = fake.requests.find((r) => r.path === '/api/v1/send');
    expect(JSON.parse(sent?.body ?? '{}')).toMatchObject({
      user_id: KINDLY_TEXT_REQUEST.user_id,
      message: 'Book a fitting',
      language_code: 'en',
    });
  } finally {
    await fake.stop();
  }
});

test('Kindly settings: secrets are write-only, the base URL is validated', async ({ page, app }) => {
  await page.goto(app.uiUrl);
  await page.getByRole('tab', { name: 'Settings' }).click();
  const kindly = page.getByRole('region', { name: 'Kindly', exact: true });
  await kindly.getByLabel('Webhook HMAC secret').fill('examplekey');
  await page
    .getByRole('region', { name: 'Kindly', exact: true })
    .getByRole('button', { name: 'Save' })
    .first()
    .click();
  await expect
    .poll(async () => (await app.call('settings.get', {})).secrets['kindly.hmacSecret'])
    .toBe('set');
  await expect(kindly.getByLabel('Webhook HMAC secret')).toHaveValue('');
  await kindly.getByLabel('API base URL').fill('ftp://nope');
  await page
    .getByRole('region', { name: 'Kindly', exact: true })
    .getByRole('button', { name: 'Save' })
    .last()
    .click();
  await expect(page.getByRole('alert')).toContainText('http(s) URL');
});
