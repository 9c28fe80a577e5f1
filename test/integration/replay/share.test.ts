import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCurl } from '../../../shared/replay/curl/curl-parse.js';
import { HarLog } from '../../../shared/replay/har-schema.js';
import { callFailing } from '../../helpers/api-call.js';
import { httpRequest } from '../../helpers/http.js';
import { startTestCore, type TestCore } from '../../helpers/test-core.js';
import { DASHLY_DOC_LEAD_BODY, DASHLY_HEADERS } from '../../fixtures/dashly.js';
import { KINDLY_TEXT_REQUEST } from '../../fixtures/kindly.js';

const BINARY = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0xfe, 0x0d, 0x0a, 0x1b, 0x80]);

describe('share: HAR and NDJSON export/import (lossless), redaction, cURL', () => {
  let app: TestCore;
  let other: TestCore;
  const ids: number[] = [];

  async function post(path: string, headers: [string, string][], body: Buffer | string) {
    await httpRequest(`${app.listenerUrl}${path}`, { method: 'POST', headers, body });
    ids.push((await app.call('captures.list', { limit: 1 })).items[0]!.id);
  }

  beforeAll(async () => {
    app = await startTestCore();
    other = await startTestCore();
    await post(
      '/kindly',
      [
        ['Content-Type', 'application/json'],
        ['Kindly-HMAC', 'c2lnbmF0dXJlLXNlY3JldA=='],
        ['Authorization', 'Bearer user-jwt-secret'],
        ['x-dup', 'a'],
        ['X-Dup', 'b'],
      ],
      JSON.stringify(KINDLY_TEXT_REQUEST),
    );
    await post('/dashly?token=query-secret&keep=1', Object.entries(DASHLY_HEADERS), DASHLY_DOC_LEAD_BODY);
    await post('/upload', [['Content-Type', 'image/png']], BINARY);
    await post(
      '/text',
      [['Content-Type', 'text/plain; charset=utf-8']],
      '\uFEFFline one\r\nline two ÆØÅ 😀\n',
    );
  });
  afterAll(async () => {
    await other.stop();
    await app.stop();
  });

  async function sameCapture(fromId: number, toId: number) {
    const a = await app.call('captures.get', { id: fromId });
    const b = await other.call('captures.get', { id: toId });
    expect(b.origin).toBe('imported');
    expect(b.headers).toEqual(a.headers);
    expect(b.body).toEqual(a.body);
    expect(b.method).toBe(a.method);
    expect(b.path).toBe(a.path);
    expect(b.receivedAt).toBe(a.receivedAt);
    expect(b.provider).toBe(a.provider);
    expect(b.response?.status).toBe(a.response?.status);
    expect(b.response?.headers).toEqual(a.response?.headers);
    expect(b.response?.body).toEqual(a.response?.body);
    expect(b.messages.map((m) => m.text)).toEqual(a.messages.map((m) => m.text));
  }

  it('NDJSON without redaction round-trips byte-identical bodies and headers (order, case, duplicates)', async () => {
    const exported = await app.call('captures.export', { ids, format: 'ndjson', redact: false });
    expect(exported).toMatchObject({
      count: 4,
      next: null,
      redacted: false,
      mimeType: 'application/x-ndjson',
    });
    expect(exported.data.trim().split('\n')).toHaveLength(4);
    const imported = await other.call('captures.import', { format: 'ndjson', data: exported.data });
    expect(imported).toMatchObject({ imported: 4, errors: [] });
    for (const [index, id] of ids.entries()) await sameCapture(id, imported.ids[index]!);
    // Exporting the imported copy gives the same bytes (ids, origin aside).
    const again = await other.call('captures.export', { ids: imported.ids, format: 'ndjson', redact: false });
    const strip = (text: string) =>
      text
        .trim()
        .split('\n')
        .map((line) => {
          const { id: _id, origin: _origin, ...rest } = JSON.parse(line) as Record<string, unknown>;
          return rest;
        });
    expect(strip(again.data)).toEqual(strip(exported.data));
  });

  it('HAR export is valid HAR 1.2 and imports back byte-identical, binary and BOM included', async () => {
    const exported = await app.call('captures.export', { ids, format: 'har', redact: false });
    const har = HarLog.parse(JSON.parse(exported.data));
    expect(har.log.version).toBe('1.2');
    expect(har.log.entries).toHaveLength(4);
    expect(har.log.entries[0]!.request.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/kindly$/u);
    expect(har.log.entries[1]!.request.queryString).toEqual([
      { name: 'token', value: 'query-secret' },
      { name: 'keep', value: '1' },
    ]);
    const imported = await other.call('captures.import', { format: 'har', data: exported.data });
    expect(imported.errors).toEqual([]);
    for (const [index, id] of ids.entries()) await sameCapture(id, imported.ids[index]!);
  });

  it('redacts secrets on export by default: Authorization, Kindly-HMAC, the Dashly token field, token query, marked names', async () => {
    for (const format of ['ndjson', 'har'] as const) {
      const exported = await app.call('captures.export', { ids, format, redactNames: ['x-dup', 'store'] });
      expect(exported.redacted).toBe(true);
      for (const secret of [
        'user-jwt-secret',
        'c2lnbmF0dXJlLXNlY3JldA==',
        'query-secret',
        'token=xxx',
        'oslo-sentrum',
      ])
        expect(exported.data).not.toContain(secret);
      expect(exported.data).toContain('[REDACTED]');
      const imported = await other.call('captures.import', { format, data: exported.data });
      const kindly = await other.call('captures.get', { id: imported.ids[0]! });
      expect(kindly.headers.slice(1, 6)).toEqual([
        ['Content-Type', 'application/json'],
        ['Kindly-HMAC', '[REDACTED]'],
        ['Authorization', '[REDACTED]'],
        ['x-dup', '[REDACTED]'],
        ['X-Dup', '[REDACTED]'],
      ]);
      // A JSON member by name, at any depth; the rest of the body keeps its exact bytes.
      expect(Buffer.from(kindly.body.base64, 'base64').toString()).toBe(
        JSON.stringify(KINDLY_TEXT_REQUEST).replace('"store":"oslo-sentrum"', '"store":"[REDACTED]"'),
      );
      expect(kindly.messages[0]?.text).toBe(KINDLY_TEXT_REQUEST.message);
      const dashly = await other.call('captures.get', { id: imported.ids[1]! });
      expect(dashly.path).toBe('/dashly?token=%5BREDACTED%5D&keep=1');
      const body = Buffer.from(dashly.body.base64, 'base64').toString();
      // Only the token field changed; the conversation field keeps its exact bytes.
      expect(body).toBe(DASHLY_DOC_LEAD_BODY.replace('token=xxx', 'token=%5BREDACTED%5D'));
      expect(dashly.messages[0]?.text).toBe('ewfwfwef');
    }
  });

  it('exports a filter in pages that add up to the whole selection', async () => {
    const all = await app.call('captures.export', { format: 'ndjson', redact: false });
    expect(all.count).toBe(4);
    const lines: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page: { data: string; next: string | null } = await app.call('captures.export', {
        format: 'ndjson',
        redact: false,
        maxBytes: 1024,
        ...(cursor ? { cursor } : {}),
      });
      lines.push(...page.data.trim().split('\n'));
      cursor = page.next ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBeGreaterThan(1);
    expect(lines.join('\n')).toBe(all.data.trim());
    const kindlyOnly = await app.call('captures.export', { format: 'har', filter: { provider: 'kindly' } });
    expect(kindlyOnly.count).toBe(1);
    const bad = await callFailing(app, 'captures.export', { format: 'har', ids, cursor: 'a:3' });
    expect(bad.error.message).toMatch(/cursor/u);
  });

  it('imports what it can and reports the rest, line by line', async () => {
    const exported = await app.call('captures.export', { ids: [ids[0]!], format: 'ndjson', redact: false });
    const data = [
      exported.data.trim(),
      '{"format":"convoscope.capture","version":1}',
      'not json',
      '',
      JSON.stringify({ ...(JSON.parse(exported.data) as object), body: { base64: '@@@', size: 3 } }),
    ].join('\n');
    const result = await other.call('captures.import', { format: 'ndjson', data });
    expect(result.imported).toBe(1);
    expect(result.errors.map((error) => error.at)).toEqual(['line 2', 'line 3', 'line 5']);
    expect(result.errors[2]!.message).toMatch(/base64/u);
    const har = await callFailing(other, 'captures.import', { format: 'har', data: '{"log": {}}' });
    expect(har.error.message).toMatch(/log\.entries/u);
  });

  it('reads HAR files from other tools (HTTP/2 pseudo-headers, form params, base64 content)', async () => {
    const har = {
      log: {
        version: '1.2',
        creator: { name: 'Browser', version: '1' },
        entries: [
          {
            startedDateTime: '2024-05-04T09:14:07.512Z',
            time: 12,
            request: {
              method: 'POST',
              url: 'https://hooks.example.com/kindly/hook?x=1',
              httpVersion: 'h2',
              headers: [
                { name: ':authority', value: 'hooks.example.com' },
                { name: ':method', value: 'POST' },
                { name: 'content-type', value: 'application/x-www-form-urlencoded' },
              ],
              postData: {
                mimeType: 'application/x-www-form-urlencoded',
                params: [{ name: 'a', value: 'b c' }],
              },
            },
            response: {
              status: 200,
              headers: [{ name: 'content-type', value: 'application/json' }],
              content: { size: 2, mimeType: 'application/json', text: 'e30=', encoding: 'base64' },
            },
          },
        ],
      },
    };
    const result = await other.call('captures.import', { format: 'har', data: JSON.stringify(har) });
    expect(result.errors).toEqual([]);
    const capture = await other.call('captures.get', { id: result.ids[0]! });
    expect(capture).toMatchObject({
      method: 'POST',
      path: '/kindly/hook?x=1',
      httpVersion: '2.0',
      origin: 'imported',
    });
    expect(capture.headers).toEqual([
      ['Host', 'hooks.example.com'],
      ['content-type', 'application/x-www-form-urlencoded'],
    ]);
    expect(Buffer.from(capture.body.base64, 'base64').toString()).toBe('a=b+c');
    expect(Buffer.from(capture.response!.body.base64, 'base64').toString()).toBe('{}');
  });

  it('copies a capture as cURL that parses back to the same request; binary bodies go through a file', async () => {
    for (const id of ids.slice(0, 2)) {
      const curl = await app.call('captures.curl', { id });
      const source = await app.call('captures.get', { id });
      const parsed = parseCurl(curl.command);
      if (!parsed.ok) throw new Error(parsed.error);
      expect(parsed.request.method).toBe(source.method);
      expect(parsed.request.url).toBe(`${app.listenerUrl}${source.path}`);
      expect(parsed.request.headers).toEqual(
        source.headers.filter(
          ([name]) =>
            !['host', 'content-length', 'connection', 'transfer-encoding'].includes(name.toLowerCase()),
        ),
      );
      expect(Buffer.from(parsed.request.body).equals(Buffer.from(source.body.base64, 'base64'))).toBe(true);
      expect(curl.bodyFile).toBeNull();
      // The API's parser answers the same.
      const viaApi = await app.call('curl.parse', { command: curl.command });
      expect(viaApi.body.base64).toBe(source.body.base64);
      expect(viaApi.path).toBe(source.path);
    }
    const binary = await app.call('captures.curl', { id: ids[2]! });
    expect(binary.command).toContain(`--data-binary @capture-${ids[2]}.body`);
    expect(binary.bodyFile).toEqual({ name: `capture-${ids[2]}.body`, base64: BINARY.toString('base64') });
    expect(binary.notes.join(' ')).toMatch(/binary/u);
    const redacted = await app.call('captures.curl', { id: ids[0]!, redact: true });
    expect(redacted.command).not.toContain('user-jwt-secret');
    const bad = await callFailing(app, 'curl.parse', { command: 'wget http://x' });
    expect(bad.error.message).toMatch(/not a curl command/u);
  });
});
