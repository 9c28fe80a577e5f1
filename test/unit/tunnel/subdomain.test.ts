import { describe, expect, it } from 'vitest';
import { generateSubdomain } from '../../../electron/core/tunnel/subdomain-generator.js';
import { isValidSubdomain, SUBDOMAIN_PATTERN, subdomainProblem } from '../../../shared/tunnel/subdomain.js';
import { normalizeTunnelHost } from '../../../shared/tunnel/tunnel-host.js';

describe('subdomain rules (the localtunnel server regex)', () => {
  it.each(['abcd', 'myhook', 'my-hook', 'a1-b2-c3', 'x'.repeat(63), `a${'-'.repeat(10)}b`])(
    'accepts %s',
    (name) => {
      expect(subdomainProblem(name)).toBeNull();
      expect(SUBDOMAIN_PATTERN.test(name)).toBe(true);
    },
  );

  it.each([
    ['', /it is empty/u],
    ['AB', /uppercase/u],
    ['MyHook', /uppercase/u],
    ['my_hook', /other than lowercase letters, digits and hyphens/u],
    ['my.hook', /other than lowercase/u],
    ['abc', /shorter than 4/u],
    ['-hook-x', /starts or ends with a hyphen/u],
    ['hook-x-', /starts or ends with a hyphen/u],
    ['ab-cd', /with a hyphen needs at least 6/u],
    ['x'.repeat(64), /longer than 63/u],
  ])('rejects %j in plain words', (name, reason) => {
    const problem = subdomainProblem(name);
    expect(problem).toMatch(reason);
    expect(problem).toMatch(/^The subdomain .* cannot be used: /u);
    expect(isValidSubdomain(name)).toBe(false);
  });

  it('agrees with the server regex on everything up to the DNS label limit', () => {
    const alphabet = ['a', 'z', '0', '9', '-', '_', 'A', '.'];
    for (let i = 0; i < 2000; i++) {
      const length = 1 + (i % 70);
      let name = '';
      for (let j = 0; j < length; j++) name += alphabet[(i * 7 + j * 13 + j * j) % alphabet.length];
      const server = SUBDOMAIN_PATTERN.test(name) && name.length <= 63;
      expect(isValidSubdomain(name), name).toBe(server);
    }
  });

  it('generates names that follow the rules, differ, and keep a recognisable prefix', () => {
    const names = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const name = generateSubdomain();
      expect(isValidSubdomain(name)).toBe(true);
      expect(name).toMatch(/^convoscope-[a-z0-9]{10}$/u);
      names.add(name);
    }
    expect(names.size).toBe(500);
    expect(generateSubdomain(() => 0)).toBe('convoscope-aaaaaaaaaa');
  });
});

describe('normalizeTunnelHost', () => {
  it.each([
    ['https://localtunnel.me', 'https://localtunnel.me'],
    ['https://localtunnel.me/', 'https://localtunnel.me'],
    ['  http://127.0.0.1:8111//  ', 'http://127.0.0.1:8111'],
    ['HTTPS://Tunnel.Example.COM:443/', 'https://tunnel.example.com'],
    ['http://example.com/lt/', 'http://example.com/lt'],
  ])('%j → %j', (input, host) => {
    expect(normalizeTunnelHost(input)).toEqual({ ok: true, host });
  });

  it.each([
    ['localtunnel.me', /is not a URL/u],
    ['ftp://example.com', /http:\/\/ or https:\/\//u],
    ['https://user:pw@example.com', /user name or password/u],
    ['https://example.com/?x=1', /query/u],
  ])('rejects %j', (input, reason) => {
    const result = normalizeTunnelHost(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toMatch(reason);
  });
});
