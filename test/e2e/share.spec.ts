import { createHmac } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import type { Download, Page } from '@playwright/test';
import type { CaptureDetail } from '../../shared/model/capture.js';
import { dashlyForm, dashlyPart, DASHLY_HEADERS } from '../fixtures/dashly.js';
import { KINDLY_HEADERS, KINDLY_TEXT_REQUEST } from '../fixtures/kindly.js';
import { httpRequest } from '../helpers/http.js';
import type { ServeProcess } from '../helpers/serve-process.js';
import { expect, test } from './fixtures.js';

const DASHLY_TOKEN = 'dashly-webhook-token-7f3a9c';
const KINDLY_SECRET = 'kindly-share-secret';

interface Sent {
  body: string;
  /** The secret the export must hide unless redaction is off. */
  secret: string;
}

async function sendDashly(app: ServeProcess, text: string): Promise<Sent> {
  const body = dashlyForm(JSON.stringify(dashlyPart({ body: text })), DASHLY_TOKEN);
  const res = await httpRequest(`${app.listenerUrl}/dashly`, { headers: DASHLY_HEADERS, body });
  expect(res.status).toBe(200);
  return { body, secret: DASHLY_TOKEN };
}

async function sendKindly(app: ServeProcess, message: string, chatId?: string): Promise<Sent> {
  const body = JSON.stringify({ ...KINDLY_TEXT_REQUEST, message, ...(chatId ? { chat_id: chatId } : {}) });
  const hmac = createHmac('sha256', KINDLY_SECRET).update(body).digest('base64');
  const res = await httpRequest(`${app.listenerUrl}/kindly`, {
    headers: { ...KINDLY_HEADERS, 'Kindly-HMAC': hmac },
    body,
  });
  expect(res.status).toBe(200);
  return { body, secret: hmac };
}

/** Runs `start` and returns what the browser downloaded because of it. */
async function download(page: Page, start: () => Promise<void>): Promise<{ file: Download; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), start()]);
  const path = await file.path();
  return { file, text: await readFile(path, 'utf8') };
}

interface NdjsonLine {
  format: string;
  method: string;
  path: string;
  headers: [string, string][];
  body: { base64: string };
}

function ndjsonLines(text: string): NdjsonLine[] {
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as NdjsonLine);
}

const headerOf = (headers: [string, string][], name: string) =>
  headers.find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];

test('export NDJSON redacted by default and raw on request, clear, import it back byte for byte', async ({
  page,
  app,
}, testInfo) => {
  const dashly = await sendDashly(app, 'Where is my order #1001?');
  const kindly = await sendKindly(app, 'When are you open on Saturday?');
  const originals = await Promise.all(
    (await app.call('captures.list', {})).items.map((item) => app.call('captures.get', { id: item.id })),
  );
  expect(originals).toHaveLength(2);

  await page.goto(app.uiUrl);
  const list = page.getByRole('listbox', { name: /Captured requests/u });
  await expect(list.getByRole('option')).toHaveCount(2);
  const toolbar = page.getByRole('toolbar', { name: 'Selected captures' });
  const dialog = page.getByRole('dialog', { name: 'Export captures' });

  // Redaction is on by default; nothing picked and no filter, so every capture is exported.
  await toolbar.getByRole('button', { name: 'Export' }).click();
  await expect(dialog.getByRole('radio', { name: 'All' })).toHaveAttribute('aria-checked', 'true');
  await expect(dialog.getByRole('checkbox', { name: 'Redact secrets' })).toBeChecked();
  await dialog.getByRole('radio', { name: /NDJSON/u }).click();
  const redacted = await download(page, () => dialog.getByRole('button', { name: 'Export' }).click());
  expect(redacted.file.suggestedFilename()).toMatch(/^convoscope-\d{8}-\d{4}\.ndjson$/u);
  await expect(dialog).toBeHidden();
  const redactedLines = ndjsonLines(redacted.text);
  expect(redactedLines).toHaveLength(2);
  expect(redacted.text).not.toContain(DASHLY_TOKEN);
  expect(redacted.text).not.toContain(kindly.secret);
  const redactedKindly = redactedLines.find((line) => line.path === '/kindly')!;
  expect(headerOf(redactedKindly.headers, 'kindly-hmac')).toBe('[REDACTED]');
  // Only the secret changes: the Kindly body is untouched, the Dashly token field replaced.
  expect(Buffer.from(redactedKindly.body.base64, 'base64').toString()).toBe(kindly.body);
  const redactedDashly = redactedLines.find((line) => line.path === '/dashly')!;
  const dashlyFields = new URLSearchParams(Buffer.from(redactedDashly.body.base64, 'base64').toString());
  expect(dashlyFields.get('token')).toBe('[REDACTED]');
  expect(dashlyFields.get('conversation')).toBe(new URLSearchParams(dashly.body).get('conversation'));

  // Switched off: a warning says what the file holds, and the exact bytes come back.
  await toolbar.getByRole('button', { name: 'Export' }).click();
  await dialog.getByRole('radio', { name: /NDJSON/u }).click();
  await dialog.getByRole('checkbox', { name: 'Redact secrets' }).uncheck();
  await expect(dialog.getByRole('alert')).toContainText('The file will contain secrets as captured');
  const raw = await download(page, () => dialog.getByRole('button', { name: 'Export' }).click());
  const rawLines = ndjsonLines(raw.text);
  expect(rawLines).toHaveLength(2);
  for (const [line, sent] of [
    [rawLines.find((item) => item.path === '/dashly')!, dashly],
    [rawLines.find((item) => item.path === '/kindly')!, kindly],
  ] as const) {
    expect(Buffer.from(line.body.base64, 'base64').equals(Buffer.from(sent.body))).toBe(true);
  }
  expect(headerOf(rawLines.find((line) => line.path === '/kindly')!.headers, 'kindly-hmac')).toBe(
    kindly.secret,
  );
  const rawFile = testInfo.outputPath('captures.ndjson');
  await writeFile(rawFile, raw.text);

  // Clear everything, then import the raw file through the Import dialog.
  await page.getByRole('button', { name: 'Clear captures…' }).click();
  const clear = page.getByRole('dialog', { name: 'Clear captures' });
  await clear.getByRole('button', { name: 'Delete 2 captures' }).click();
  await expect(clear).toBeHidden();
  await expect(list.getByRole('option')).toHaveCount(0);

  await toolbar.getByRole('button', { name: 'Import' }).click();
  const importer = page.getByRole('dialog', { name: 'Import captures' });
  await expect(importer.getByRole('button', { name: 'Import' })).toBeDisabled();
  await importer.getByLabel('HAR or NDJSON file').setInputFiles(rawFile);
  // The file name picks the format.
  await expect(importer.getByRole('radio', { name: 'NDJSON' })).toHaveAttribute('aria-checked', 'true');
  await importer.getByRole('button', { name: 'Import' }).click();
  await expect(importer.getByRole('status')).toHaveText('Imported 2 captures.');
  // The footer's Close (the header's × has the same name).
  await importer.getByRole('button', { name: 'Close' }).last().click();
  await expect(importer).toBeHidden();

  await expect(list.getByRole('option')).toHaveCount(2);
  for (const row of await list.getByRole('option').all()) await expect(row).toContainText('imported');
  await expect(list.getByRole('option', { name: /Where is my order #1001\?/u })).toBeVisible();
  await expect(list.getByRole('option', { name: /When are you open on Saturday\?/u })).toBeVisible();

  const imported = await Promise.all(
    (await app.call('captures.list', {})).items.map((item) => app.call('captures.get', { id: item.id })),
  );
  const byPath = (captures: CaptureDetail[], path: string) => captures.find((item) => item.path === path)!;
  for (const path of ['/dashly', '/kindly']) {
    const before = byPath(originals, path);
    const after = byPath(imported, path);
    expect(after.origin).toBe('imported');
    expect(after.method).toBe(before.method);
    expect(after.headers).toEqual(before.headers);
    expect(after.body).toEqual(before.body);
  }
  expect(Buffer.from(byPath(imported, '/dashly').body.base64, 'base64').toString()).toBe(dashly.body);
  expect(Buffer.from(byPath(imported, '/kindly').body.base64, 'base64').toString()).toBe(kindly.body);
});

test('HAR export of the current filter holds exactly the filtered captures', async ({ page, app }) => {
  await sendDashly(app, 'A Dashly lead');
  const first = await sendKindly(app, 'First Kindly question', 'chat-one');
  const second = await sendKindly(app, 'Second Kindly question', 'chat-two');

  await page.goto(app.uiUrl);
  const list = page.getByRole('listbox', { name: /Captured requests/u });
  await expect(list.getByRole('option')).toHaveCount(3);
  await page
    .getByRole('radiogroup', { name: 'Filter by provider' })
    .getByRole('radio', { name: 'Kindly' })
    .click();
  await expect(list.getByRole('option')).toHaveCount(2);

  await page
    .getByRole('toolbar', { name: 'Selected captures' })
    .getByRole('button', { name: 'Export' })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Export captures' });
  // With a filter set, the filter is the default scope and HAR the default format.
  await expect(dialog.getByRole('radio', { name: 'Filter: kindly' })).toHaveAttribute('aria-checked', 'true');
  await expect(dialog.getByRole('radio', { name: 'HAR 1.2' })).toHaveAttribute('aria-checked', 'true');
  const har = await download(page, () => dialog.getByRole('button', { name: 'Export' }).click());
  expect(har.file.suggestedFilename()).toMatch(/\.har$/u);

  const doc = JSON.parse(har.text) as {
    log: {
      version: string;
      creator: { name: string };
      entries: {
        request: {
          method: string;
          url: string;
          headers: { name: string; value: string }[];
          postData?: { text: string };
        };
      }[];
    };
  };
  expect(doc.log.version).toBe('1.2');
  expect(doc.log.creator.name).toBe('Convoscope');
  expect(doc.log.entries).toHaveLength(2);
  for (const entry of doc.log.entries) {
    expect(entry.request.method).toBe('POST');
    expect(new URL(entry.request.url).pathname).toBe('/kindly');
    // Redacted by default here too.
    expect(entry.request.headers.find((header) => header.name.toLowerCase() === 'kindly-hmac')?.value).toBe(
      '[REDACTED]',
    );
  }
  expect(doc.log.entries.map((entry) => entry.request.postData?.text).sort()).toEqual(
    [first.body, second.body].sort(),
  );
  expect(har.text).not.toContain(first.secret);
  expect(har.text).not.toContain(second.secret);
});

test('a pasted cURL command becomes a request that Compose sends to the listener', async ({ page, app }) => {
  const body = '{"chat_id":"c-1","bot_id":"b","message":"from curl"}';
  await page.goto(app.uiUrl);
  await page.getByRole('tab', { name: 'Compose' }).click();
  await page.getByRole('button', { name: 'Paste cURL…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Paste a cURL command' });
  await expect(dialog.getByRole('button', { name: 'Use this request' })).toBeDisabled();
  await dialog
    .getByRole('textbox', { name: 'cURL command' })
    .fill(`curl -X POST ${app.listenerUrl}/kindly -H 'Content-Type: application/json' --data-raw '${body}'`);
  await dialog.getByRole('button', { name: 'Use this request' }).click();
  await expect(dialog).toBeHidden();

  // The Compose form now holds the pasted request, aimed at the URL from the command.
  const form = page.getByRole('region', { name: 'Compose a webhook' });
  await expect(form.getByRole('radio', { name: 'Custom / cURL' })).toHaveAttribute('aria-checked', 'true');
  await expect(form.getByRole('textbox', { name: 'Target URL' })).toHaveValue(`${app.listenerUrl}/kindly`);
  await form.getByRole('button', { name: 'Send' }).click();

  await expect.poll(async () => (await app.call('captures.list', {})).items.length).toBe(1);
  const [item] = (await app.call('captures.list', {})).items;
  const capture = await app.call('captures.get', { id: item!.id });
  expect(capture.method).toBe('POST');
  expect(capture.path).toBe('/kindly');
  expect(Buffer.from(capture.body.base64, 'base64').toString()).toBe(body);
  expect(headerOf(capture.headers, 'content-type')).toBe('application/json');

  await page.getByRole('tab', { name: 'Captures' }).click();
  const list = page.getByRole('listbox', { name: /Captured requests/u });
  await expect(list.getByRole('option')).toHaveCount(1);
  await expect(list.getByRole('option')).toContainText('from curl');
});
