import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCurl, shellQuote } from '../../../shared/replay/curl/curl-build.js';
import { parseCurl, type ParsedCurl } from '../../../shared/replay/curl/curl-parse.js';
import { shellWords } from '../../../shared/replay/curl/shell-words.js';

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

function parsed(command: string): ParsedCurl {
  const result = parseCurl(command);
  if (!result.ok) throw new Error(result.error);
  return result.request;
}

describe('cURL parser', () => {
  it('reads a bash command with line continuations, quoting styles and short option clusters', () => {
    const request = parsed(`curl -sSL -XPUT 'https://example.com/hook?a=1' \\
      -H "Content-Type: application/json" -H'X-Single: it'"'"'s' \\
      --data-raw $'{"text":"line\\nnext \\u00e6 \\x41"}'`);
    expect(request.method).toBe('PUT');
    expect(request.url).toBe('https://example.com/hook?a=1');
    expect(request.headers).toEqual([
      ['Content-Type', 'application/json'],
      ['X-Single', "it's"],
    ]);
    expect(text(request.body)).toBe('{"text":"line\nnext æ A"}');
    expect(request.warnings).toEqual([]);
  });

  it('reads Windows cmd quoting as browsers copy it', () => {
    const request = parsed(
      'curl ^"https://example.com/api^" ^\n  -H ^"accept: */*^" ^\n  --data-raw ^"^{^\\^"a^\\^":1^}^" ^\n  --compressed',
    );
    expect(request.url).toBe('https://example.com/api');
    expect(request.headers).toEqual([
      ['accept', '*/*'],
      ['Content-Type', 'application/x-www-form-urlencoded'],
    ]);
    expect(text(request.body)).toBe('{"a":1}');
    expect(request.method).toBe('POST');
  });

  it('handles data options, -G, -u, -A, --json, -F and unknown or unsupported options with warnings', () => {
    expect(text(parsed(`curl http://h -d a=1 -d 'b=2'`).body)).toBe('a=1&b=2');
    expect(text(parsed(`curl http://h --data-urlencode 'msg=a b&c' --data-urlencode '=x y'`).body)).toBe(
      'msg=a%20b%26c&x%20y',
    );
    const get = parsed(`curl -G http://h/p?x=1 -d q=2`);
    expect([get.method, get.url, get.body.length]).toEqual(['GET', 'http://h/p?x=1&q=2', 0]);
    expect(parsed(`curl -u user:pw h.example`).headers).toEqual([['Authorization', 'Basic dXNlcjpwdw==']]);
    expect(parsed(`curl -u user:pw h.example`).url).toBe('http://h.example');
    expect(parsed(`curl -A 'Bot/1' -e http://ref http://h`).headers).toEqual([
      ['User-Agent', 'Bot/1'],
      ['Referer', 'http://ref'],
    ]);
    const json = parsed(`curl --json '{"a":1}' http://h`);
    expect(json.headers).toEqual([
      ['Content-Type', 'application/json'],
      ['Accept', 'application/json'],
    ]);
    const form = parsed(`curl -F name=value -F 'file=@photo.png' http://h`);
    expect(text(form.body)).toContain('Content-Disposition: form-data; name="name"\r\n\r\nvalue\r\n');
    expect(form.warnings.join(' ')).toMatch(/photo\.png/u);
    const file = parsed(`curl -d @body.json http://h --frobnicate -o out.txt -I`);
    expect(file.warnings.join(' ')).toMatch(/body\.json/u);
    expect(file.warnings.join(' ')).toMatch(/--frobnicate/u);
    expect(file.method).toBe('HEAD');
    expect(parsed(`curl http://h -H 'X-Empty;' -H 'Content-Type:' -d x`).headers).toEqual([['X-Empty', '']]);
    expect(parsed(`curl 'http://h' | jq .`).warnings.join(' ')).toMatch(/ignored/u);
    expect(parsed('curl "http://h/$PATH_PART"').warnings.join(' ')).toMatch(/shell variables/u);
    expect(parsed('curl http://h?a=1&b=2').url).toBe('http://h?a=1&b=2');
  });

  it('gives clear errors instead of guessing', () => {
    expect(parseCurl('')).toEqual({ ok: false, error: 'The command is empty.' });
    expect(parseCurl('wget http://x')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/not a curl command/u) as unknown,
    });
    expect(parseCurl("curl 'http://x")).toMatchObject({
      ok: false,
      error: expect.stringMatching(/not closed/u) as unknown,
    });
    expect(parseCurl('curl -H')).toMatchObject({ ok: false, error: '-H needs a value.' });
    expect(parseCurl('curl -s')).toMatchObject({ ok: false, error: 'The command has no URL.' });
    expect(parseCurl('curl ftp://x')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/Only http/u) as unknown,
    });
  });

  it('never throws and never runs anything, whatever it is given', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (input) => {
        const result = parseCurl(input);
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) expect(result.error.length).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom(
            'curl',
            ' ',
            "'",
            '"',
            '$',
            '\\',
            '\n',
            '^',
            '-H',
            '-d',
            'x',
            '`',
            '@',
            '=',
            ':',
            '-X',
            '&',
            '|',
          ),
          {
            maxLength: 40,
          },
        ),
        (parts) => {
          expect(() => parseCurl(parts.join(''))).not.toThrow();
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('cURL builder', () => {
  it('quotes for POSIX shells', () => {
    expect(shellQuote('plain')).toBe('plain');
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    expect(shellQuote('a\tb')).toBe("$'a\\tb'");
    expect(shellQuote('')).toBe("''");
  });

  const token = fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,15}$/u);
  const headerValue = fc.string({ maxLength: 30 }).map((value) => value.replace(/[\r\n\0]/gu, '').trim());
  const request = fc.record({
    method: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'),
    path: fc.stringMatching(/^\/[A-Za-z0-9._~%!$&'()*+,;=:@/-]{0,30}(\?[A-Za-z0-9=&%+._-]{0,20})?$/u),
    headers: fc.array(fc.tuple(token, headerValue), { maxLength: 6 }),
    body: fc.string({ unit: 'grapheme', maxLength: 80 }),
  });

  it('round-trips: build → parse gives the same method, URL, headers and body bytes', () => {
    fc.assert(
      fc.property(request, ({ method, path, headers, body }) => {
        const filtered = headers.filter(
          ([name]) =>
            !['content-length', 'host', 'transfer-encoding', 'connection', 'expect'].includes(
              name.toLowerCase(),
            ),
        );
        const url = `http://127.0.0.1:4545${path}`;
        const bodyBytes = new TextEncoder().encode(body);
        const built = buildCurl({ method, url, headers: filtered, body: bodyBytes });
        const back = parseCurl(built.command);
        if (!back.ok) throw new Error(`${back.error}\n${built.command}`);
        expect(back.request.method).toBe(method);
        expect(back.request.url).toBe(url);
        expect(back.request.headers).toEqual(filtered);
        expect(Buffer.from(back.request.body).equals(Buffer.from(bodyBytes))).toBe(true);
        expect(back.request.warnings).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });

  it('sends a binary body through a file and says so', () => {
    const built = buildCurl(
      {
        method: 'POST',
        url: 'http://h/x',
        headers: [['Content-Type', 'image/png']],
        body: new Uint8Array([0, 255]),
      },
      { bodyFileName: 'b.bin' },
    );
    expect(built.command).toContain('--data-binary @b.bin');
    expect(built.bodyFile).toBe('b.bin');
    expect(built.notes[0]).toMatch(/binary/u);
  });

  it('splits words exactly like a shell for the quoting it produces', () => {
    const words = shellWords(`curl 'a b' "c\\"d" $'e\\x00f' g\\ h`);
    if (!words.ok) throw new Error(words.error);
    expect(words.words.map((word) => Array.from(word))).toEqual([
      Array.from(new TextEncoder().encode('curl')),
      Array.from(new TextEncoder().encode('a b')),
      Array.from(new TextEncoder().encode('c"d')),
      [101, 0, 102],
      Array.from(new TextEncoder().encode('g h')),
    ]);
  });
});
