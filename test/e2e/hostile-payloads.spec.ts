import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { httpRequest } from '../helpers/http.js';
import { connectRaw } from '../helpers/raw-socket.js';
import { expect, test } from './fixtures.js';

const SCRIPT = '<script>window.__pwned=(window.__pwned||0)+1</script>';
const IMG = (src: string) => `<img src="${src}" onerror="window.__pwned=(window.__pwned||0)+1">`;

/** A server that only counts requests: a payload that makes the UI fetch anything shows up here. */
async function startBeacon() {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    hits.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'image/png' }).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, hits, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Nothing from the payloads ran, was fetched or became a live element. */
async function expectInert(page: Page, beaconHits: string[]): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  const live = await page.evaluate(() => ({
    scripts: [...document.querySelectorAll('script')].filter((s) => !s.src).length,
    payloadImages: [...document.querySelectorAll('img')].filter((img) => !img.src.startsWith(location.origin))
      .length,
    badLinks: [...document.querySelectorAll('a[href]')].filter(
      (a) => !/^(https?:|mailto:|tel:|#)/u.test(a.getAttribute('href') ?? ''),
    ).length,
    iframes: document.querySelectorAll('iframe, object, embed').length,
    eventAttributes: [...document.querySelectorAll('*')].filter((el) =>
      [...el.attributes].some((a) => a.name.startsWith('on')),
    ).length,
  }));
  expect(live).toEqual({ scripts: 0, payloadImages: 0, badLinks: 0, iframes: 0, eventAttributes: 0 });
  expect(beaconHits).toEqual([]);
}

test('payload HTML, script and URLs render as inert text everywhere', async ({ page, app }) => {
  const beacon = await startBeacon();
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const violations: string[] = [];
  await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      (window as unknown as { reportViolation: (t: string) => void }).reportViolation(
        `${event.violatedDirective} ${event.blockedURI}`,
      ),
    );
  });
  try {
    const hostile = `${SCRIPT}${IMG(`${beacon.url}/img`)}<a href="javascript:alert(1)">click</a><iframe src="${beacon.url}/frame"></iframe>`;
    // Kindly: in the message, JSON keys, context, links and attachment URLs.
    await httpRequest(`${app.listenerUrl}/kindly`, {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        chat_id: `chat-${SCRIPT}`,
        bot_id: 1,
        user_id: IMG(`${beacon.url}/user`),
        message: `Hello ${hostile} ![x](${beacon.url}/md.png)`,
        web_url: 'javascript:alert(document.domain)',
        _links: { chat: 'javascript:alert(1)' },
        attachments: [{ name: hostile, url: 'data:text/html,<script>alert(1)</script>', type: 'image/png' }],
        context: {
          [IMG(`${beacon.url}/key`)]: 'value',
          'javascript:alert(1)': `${beacon.url}/ctx.png`,
          nested: { [SCRIPT]: hostile },
        },
        buttons: [{ button_type: 'link', label: hostile, value: 'javascript:alert(1)' }],
        image_carousel: [
          { title: hostile, imageUrl: `${beacon.url}/carousel.png`, linkUrl: 'data:text/html,x' },
        ],
      }),
    });
    // Dashly: form fields with HTML names and values, HTML in the part.
    await httpRequest(`${app.listenerUrl}/dashly`, {
      headers: { 'user-agent': 'Dashly Webhook 1.0', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        conversation: JSON.stringify({
          type: 'reply_user',
          id: 1,
          body: hostile,
          conversation: 99,
          from: 5,
          direction: 'u2a',
        }),
        [SCRIPT]: IMG(`${beacon.url}/field`),
        type: 'conversation',
      }).toString(),
    });
    // Path, query and headers, sent raw so the path keeps its `<` and `>` as a sender may.
    const raw = await connectRaw(app.listenerUrl);
    raw.write(
      [
        `POST /other/${SCRIPT.replaceAll(' ', '')}/<b>raw</b>?q=${IMG('x').replaceAll(' ', '%20')} HTTP/1.1`,
        'Host: 127.0.0.1',
        `X-Evil: ${hostile}`,
        'X-Link: javascript:alert(1)',
        `Referer: ${beacon.url}/referer`,
        `Content-Length: ${Buffer.byteLength(hostile)}`,
        'Connection: close',
        '',
        hostile,
      ].join('\r\n'),
    );
    await raw.closed;
    expect(raw.received()).toMatch(/^HTTP\/1\.1 200/u);

    await page.goto(app.uiUrl);
    const list = page.getByRole('listbox', { name: /Captured requests/u });
    await expect(list.getByRole('option')).toHaveCount(3);
    await expect(list.getByRole('option').first()).toContainText('<b>raw</b>');

    const detail = page.getByRole('article', { name: /Capture/u });
    for (let index = 0; index < 3; index++) {
      await list.getByRole('option').nth(index).dispatchEvent('mousedown');
      await expect(detail).toBeVisible();
      for (const tab of ['Message', 'Request', 'Response', 'Raw']) {
        const control = detail.getByRole('tab', { name: new RegExp(`^${tab}`, 'u') });
        if (await control.isDisabled()) continue;
        await control.click();
        // Every way the body can be shown.
        for (const view of ['Tree', 'Fields', 'Text', 'Hex']) {
          const radio = detail.getByRole('radio', { name: view });
          if ((await radio.count()) > 0) await radio.first().click();
          await expectInert(page, beacon.hits);
        }
      }
    }
    // The payload is shown, as text.
    await list.getByRole('option').nth(2).dispatchEvent('mousedown');
    await detail.getByRole('tab', { name: /^Message/u }).click();
    await expect(detail.getByText(SCRIPT, { exact: false }).first()).toBeVisible();

    // The conversation thread renders the same text inertly.
    await detail.getByRole('button', { name: 'Open conversation' }).click();
    await expect(
      page
        .getByRole('article', { name: /Conversation/u })
        .getByRole('listitem')
        .first(),
    ).toContainText(SCRIPT);
    await expectInert(page, beacon.hits);
    await page.getByRole('tab', { name: 'Captures' }).click();
    await expectInert(page, beacon.hits);

    expect(dialogs).toEqual([]);
    expect(violations).toEqual([]);
  } finally {
    await beacon.stop();
  }
});

test('a 5 MB single-line body keeps the page responsive', async ({ page, app }) => {
  const line = `${'<b>x</b> lorem-ipsum '.repeat((5 * 1024 * 1024) / 22)}END`;
  await httpRequest(`${app.listenerUrl}/kindly`, {
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ chat_id: 'big', bot_id: 1, message: line }),
    timeoutMs: 30_000,
  });
  await httpRequest(`${app.listenerUrl}/other/plain`, {
    headers: { 'content-type': 'text/plain' },
    body: line,
    timeoutMs: 30_000,
  });
  await page.goto(app.uiUrl);
  const list = page.getByRole('listbox', { name: /Captured requests/u });
  await expect(list.getByRole('option')).toHaveCount(2);
  const detail = page.getByRole('article', { name: /Capture/u });
  const search = page.getByRole('searchbox');

  for (let index = 0; index < 2; index++) {
    await list.getByRole('option').nth(index).dispatchEvent('mousedown');
    await expect(detail).toBeVisible();
    for (const tab of ['Message', 'Request', 'Response', 'Raw']) {
      const control = detail.getByRole('tab', { name: new RegExp(`^${tab}`, 'u') });
      if (await control.isDisabled()) continue;
      await control.click();
      await expect(control).toHaveAttribute('aria-selected', 'true');
      for (const view of ['Tree', 'Text', 'Hex']) {
        const radio = detail.getByRole('radio', { name: view });
        if ((await radio.count()) > 0) await radio.first().click();
        // What is on the page stays a preview: the 5 MB are never laid out at once.
        const shown = await page.evaluate(() => document.body.innerText.length);
        expect([index, tab, view, shown < 1024 * 1024]).toEqual([index, tab, view, true]);
      }
      // The page still answers input at once.
      await search.fill(`probe ${tab}`);
      await expect(search).toHaveValue(`probe ${tab}`);
      await search.fill('');
    }
  }
  // The whole text is still there on request.
  await list.getByRole('option').first().dispatchEvent('mousedown');
  await detail.getByRole('tab', { name: /^Request/u }).click();
  await detail.getByRole('radio', { name: 'Text' }).first().click();
  await expect(detail.getByRole('button', { name: /Show all/u }).first()).toBeVisible();
});
