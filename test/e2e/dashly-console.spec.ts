import type { Page } from '@playwright/test';
import { DASHLY_HEADERS, dashlyForm, dashlyPart } from '../fixtures/dashly.js';
import { FakeDashlyApi } from '../helpers/fake-dashly-api.js';
import { httpRequest } from '../helpers/http.js';
import type { ServeProcess } from '../helpers/serve-process.js';
import { expect, test } from './fixtures.js';

const API_TOKEN = 'e2e-dashly-api-token';
const WEBHOOK_TOKEN = 'e2e-webhook-token';
/** Above 2^53: the id must survive the webhook, the store, the UI and the API call as text. */
const CONVERSATION = '18446744073709551615';

/** A lead's message as Dashly's webhook posts it (64-bit conversation id as a raw JSON number). */
function leadWebhook(body: string, token = WEBHOOK_TOKEN): string {
  const json = JSON.stringify(dashlyPart({ body, created: Math.floor(Date.now() / 1000) })).replace(
    '"conversation":64558819',
    `"conversation":${CONVERSATION}`,
  );
  return dashlyForm(json, token);
}

async function startDashly(app: ServeProcess, options: { autoEcho?: boolean } = {}): Promise<FakeDashlyApi> {
  const fake = await FakeDashlyApi.start({
    token: API_TOKEN,
    webhook: { url: `${app.listenerUrl}/dashly`, token: WEBHOOK_TOKEN },
    autoEcho: options.autoEcho ?? false,
  });
  await app.call('settings.update', {
    'dashly.apiBaseUrl': fake.url,
    'dashly.apiToken': API_TOKEN,
    'dashly.webhookToken': WEBHOOK_TOKEN,
  });
  return fake;
}

/** Posts a lead's message and opens its conversation in the UI (loading the UI first if needed). */
async function openLeadConversation(page: Page, app: ServeProcess, text: string) {
  await httpRequest(`${app.listenerUrl}/dashly`, { headers: DASHLY_HEADERS, body: leadWebhook(text) });
  if (!page.url().startsWith(app.apiUrl)) await page.goto(app.uiUrl);
  await page.getByRole('tab', { name: 'Conversations' }).click();
  await page
    .getByRole('list', { name: /Conversations/u })
    .getByRole('button')
    .filter({ hasText: CONVERSATION })
    .click();
  const thread = page.getByRole('article', { name: `Conversation ${CONVERSATION}` });
  await expect(thread.getByRole('listitem').filter({ hasText: text })).toBeVisible();
  return thread;
}

test('an operator reply typed in the UI reaches the Dashly API as documented and turns delivered on its echo', async ({
  page,
  app,
}) => {
  const fake = await startDashly(app);
  try {
    const thread = await openLeadConversation(page, app, 'Where is my order?');

    const composer = thread.getByRole('form', { name: 'Reply composer' });
    await expect(composer.getByText('Shift')).toBeVisible(); // the keyboard hint is on screen
    const text = thread.getByRole('textbox', { name: 'Reply text' });
    await text.click();
    await page.keyboard.type('It ships today.');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('Tracking follows by e-mail.');
    await page.keyboard.press('Enter');

    const reply = thread.getByRole('listitem').filter({ hasText: 'It ships today.' });
    await expect(reply).toContainText('sent');
    await expect(text).toHaveValue('');

    const call = await fake.waitForCall((received) => received.route.endsWith('/reply'));
    expect(call.method).toBe('POST');
    expect(call.route).toBe(`/conversations/${CONVERSATION}/reply`);
    expect(call.contentType).toMatch(/^application\/x-www-form-urlencoded/u);
    expect(call.headers.authorization).toBe(`Token ${API_TOKEN}`);
    expect(call.auth).toBe('header');
    expect(call.query).toEqual([]);
    expect(call.status).toBe(200);
    const fields = Object.fromEntries(call.form);
    expect(Object.keys(fields).sort()).toEqual(['body', 'from_admin', 'id_as_string', 'random_id', 'type']);
    expect(call.form).toHaveLength(5);
    expect(fields).toMatchObject({
      body: 'It ships today.\nTracking follows by e-mail.',
      type: 'reply_admin',
      from_admin: 'default_admin',
      id_as_string: 'true',
    });
    expect(fields.random_id).toMatch(/^[1-9]\d{0,9}$/u);
    expect(JSON.stringify(call.form)).not.toContain(API_TOKEN);

    // Typing told Dashly the operator was typing, without the token in the form either.
    const typing = fake.callsTo('settyping');
    expect(typing.length).toBeGreaterThanOrEqual(1);
    expect(typing[0]?.headers.authorization).toBe(`Token ${API_TOKEN}`);

    // Dashly echoes the part through the webhook with the same random_id: the reply is delivered,
    // and the echo is merged into it rather than shown twice.
    expect((await fake.echo(fields.random_id!)).status).toBe(200);
    await expect(reply).toContainText('delivered');
    await expect(thread.getByRole('list', { name: 'Messages' }).getByRole('listitem')).toHaveCount(2);

    // The call is in the conversation's API log, without the token.
    await thread.getByRole('tab', { name: /API calls/u }).click();
    const log = thread.getByRole('tabpanel', { name: 'Web API calls' });
    const entry = log
      .getByRole('group')
      .filter({ has: page.getByText(`/conversations/${CONVERSATION}/reply`, { exact: true }) });
    await entry.getByText(`/conversations/${CONVERSATION}/reply`, { exact: true }).click();
    await expect(entry.getByText('not recorded')).toBeVisible();
    await expect(entry.getByRole('cell', { name: 'reply_admin', exact: true })).toBeVisible();
    await expect(log).not.toContainText(API_TOKEN);
  } finally {
    await fake.stop();
  }
});

test('a failed reply shows the API error and is sent again only when Retry is pressed', async ({
  page,
  app,
}) => {
  const fake = await startDashly(app, { autoEcho: true });
  try {
    const thread = await openLeadConversation(page, app, 'Can I change my address?');
    const text = thread.getByRole('textbox', { name: 'Reply text' });
    await text.fill('Yes, send us the new one.');
    // The typing indicator goes first; the reply itself is the call that fails.
    await fake.waitForCall((received) => received.route.endsWith('/settyping'));
    fake.failNext({ status: 400, error: 'ReplyTooBig', message: 'Reply is too big' });
    await text.press('Enter');

    const reply = thread.getByRole('listitem').filter({ hasText: 'Yes, send us the new one.' });
    await expect(reply).toContainText('failed');
    await expect(reply.getByRole('alert')).toContainText('ReplyTooBig');
    expect(fake.callsTo('reply')).toHaveLength(1);

    await reply.getByRole('button', { name: 'Retry' }).click();
    await expect(reply).toContainText('delivered');
    const replies = fake.callsTo('reply');
    expect(replies).toHaveLength(2);
    const randomIds = replies.map((received) => Object.fromEntries(received.form).random_id);
    expect(randomIds[0]).not.toBe(randomIds[1]);
    await expect(reply.getByRole('alert')).toHaveCount(0);
  } finally {
    await fake.stop();
  }
});

test('operator actions: tags added and removed (a refused one says why), assign by typed id, close after confirming', async ({
  page,
  app,
}) => {
  const fake = await startDashly(app);
  try {
    const thread = await openLeadConversation(page, app, 'I am a returning customer');
    const tagInput = thread.getByRole('textbox', { name: 'New tag' });
    await tagInput.fill('vip');
    await thread.getByRole('button', { name: 'Add tag' }).click();
    await expect(thread.getByRole('status').filter({ hasText: 'Tag “vip” added.' })).toBeVisible();
    await expect(thread.getByRole('button', { name: 'Remove tag vip' })).toBeVisible();
    await expect(thread.getByRole('listitem').filter({ hasText: 'tag added: vip' })).toBeVisible();

    const added = fake.callsTo('tag')[0];
    expect(added?.method).toBe('POST');
    expect(Object.fromEntries(added?.form ?? [])).toMatchObject({ tag: 'vip', from_admin: 'default_admin' });

    // Dashly refuses a tag that is already there; the UI says so.
    await tagInput.fill('vip');
    await thread.getByRole('button', { name: 'Add tag' }).click();
    await expect(thread.getByRole('alert')).toContainText('ConversationTagAlreadyAssigned');

    await thread.getByRole('button', { name: 'Remove tag vip' }).click();
    await expect(thread.getByRole('button', { name: 'Remove tag vip' })).toHaveCount(0);
    expect(fake.callsTo('tag').at(-1)?.method).toBe('DELETE');

    // Assign to an admin not seen in any payload yet, by typing the id.
    await thread.getByRole('combobox', { name: 'Assignee' }).selectOption({ label: 'Other admin id…' });
    await thread.getByRole('textbox', { name: 'Assignee admin id' }).fill('912');
    await thread.getByRole('button', { name: 'Assign', exact: true }).click();
    await expect(thread.getByRole('status').filter({ hasText: 'Assigned to 912.' })).toBeVisible();
    expect(Object.fromEntries(fake.callsTo('assign')[0]?.form ?? [])).toMatchObject({ admin: '912' });

    // Closing asks first (Dashly has no reopen call).
    await thread.getByRole('button', { name: 'Close conversation…' }).click();
    expect(fake.callsTo('close')).toHaveLength(0);
    await thread.getByRole('button', { name: 'Close it' }).click();
    await expect(thread.getByText('Closed', { exact: true })).toBeVisible();
    expect(fake.callsTo('close')).toHaveLength(1);
  } finally {
    await fake.stop();
  }
});

test('without an API token the composer points to Settings; the webhook token check shows on captures', async ({
  page,
  app,
}) => {
  await app.call('settings.update', { 'dashly.webhookToken': WEBHOOK_TOKEN });
  const thread = await openLeadConversation(page, app, 'Hello?');
  await expect(thread.getByRole('textbox', { name: 'Reply text' })).toHaveCount(0);
  await thread.getByRole('button', { name: 'Set the token in Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Dashly', exact: true })).toBeVisible();
  await page.getByLabel('API token', { exact: true }).fill(API_TOKEN);
  await page
    .getByRole('region', { name: 'Dashly', exact: true })
    .getByRole('button', { name: 'Save', exact: true })
    .first()
    .click();
  await page.getByRole('tab', { name: 'Conversations' }).click();
  await expect(page.getByRole('textbox', { name: 'Reply text' })).toBeVisible();

  // A webhook with the wrong token is flagged on its capture.
  await httpRequest(`${app.listenerUrl}/dashly`, {
    headers: DASHLY_HEADERS,
    body: leadWebhook('Not really Dashly', 'forged'),
  });
  await page.getByRole('tab', { name: 'Captures' }).click();
  const list = page.getByRole('listbox', { name: /Captured requests/u });
  await list.getByRole('option').filter({ hasText: 'Not really Dashly' }).dispatchEvent('mousedown');
  await expect(page.getByRole('note', { name: 'Webhook token check' })).toContainText('Token mismatch');
  await list.getByRole('option').filter({ hasText: 'Hello?' }).dispatchEvent('mousedown');
  await expect(
    page
      .getByRole('article', { name: /Capture/u })
      .getByText('Token OK')
      .first(),
  ).toBeVisible();
});

test('auto-responder: the server’s refusal shows on its rule; a saved rule answers a lead, marked auto-reply', async ({
  page,
  app,
}) => {
  const fake = await startDashly(app, { autoEcho: true });
  try {
    await page.goto(app.uiUrl);
    await page.getByRole('tab', { name: 'Settings' }).click();
    await page.getByRole('link', { name: 'Dashly auto-responder' }).click();
    await page.getByRole('button', { name: 'Add rule' }).click();
    const rule = page.getByRole('listitem', { name: 'Rule 1' });
    // RE2 has no backreferences: the server refuses the pattern and says why.
    await rule.getByRole('textbox', { name: /When a message/u }).fill('(a)\\1');
    await rule.getByRole('checkbox', { name: 'regex' }).check();
    await rule.getByRole('textbox', { name: 'Answer' }).fill('We are open 9–17 on weekdays.');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(rule.getByRole('alert')).toContainText('RE2 syntax');
    expect((await app.call('autoreplies.list', {})).rules).toHaveLength(0);

    await rule.getByRole('textbox', { name: /When a message/u }).fill('opening hours');
    await rule.getByRole('checkbox', { name: 'regex' }).uncheck();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(rule.getByRole('alert')).toHaveCount(0);
    await page.getByRole('switch', { name: 'Answer incoming messages automatically' }).check();
    await expect.poll(async () => (await app.call('autoreplies.list', {})).enabled).toBe(true);
    expect((await app.call('autoreplies.list', {})).rules).toEqual([
      { phrase: 'opening hours', answer: 'We are open 9–17 on weekdays.' },
    ]);

    const thread = await openLeadConversation(page, app, 'What are your opening hours?');
    const answer = thread.getByRole('listitem').filter({ hasText: 'We are open 9–17 on weekdays.' });
    await expect(answer).toContainText('auto-reply');
    await expect(answer).toContainText('delivered');
    await expect(thread.getByRole('button', { name: /Auto-responder on · 1 rule/u })).toBeVisible();
  } finally {
    await fake.stop();
  }
});
