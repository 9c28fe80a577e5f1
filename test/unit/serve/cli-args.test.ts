import { describe, expect, it } from 'vitest';
import { parseServeFlags, SERVE_HELP, UsageError } from '../../../electron/serve/cli-args.js';

describe('serve flags: tunnel', () => {
  it('is off by default', () => {
    expect(parseServeFlags([])).toMatchObject({ tunnel: false, tunnelHost: undefined, subdomain: undefined });
  });

  it('--tunnel turns it on; --tunnel-host and --subdomain imply it', () => {
    expect(parseServeFlags(['--tunnel'])).toMatchObject({ tunnel: true });
    expect(parseServeFlags(['--subdomain', 'my-hooks'])).toMatchObject({
      tunnel: true,
      subdomain: 'my-hooks',
    });
    expect(parseServeFlags(['--tunnel-host', 'http://127.0.0.1:8111/'])).toMatchObject({
      tunnel: true,
      tunnelHost: 'http://127.0.0.1:8111',
    });
  });

  it('rejects an invalid subdomain or host with the reason', () => {
    expect(() => parseServeFlags(['--subdomain', 'My_Hooks'])).toThrow(UsageError);
    expect(() => parseServeFlags(['--subdomain', 'My_Hooks'])).toThrow(/--subdomain: .*uppercase/u);
    expect(() => parseServeFlags(['--tunnel-host', 'localtunnel.me'])).toThrow(/--tunnel-host: .*not a URL/u);
    expect(() => parseServeFlags(['--subdomain'])).toThrow(UsageError);
  });

  it('documents the flags in --help', () => {
    expect(SERVE_HELP).toMatch(/--tunnel\s/u);
    expect(SERVE_HELP).toMatch(/--tunnel-host URL/u);
    expect(SERVE_HELP).toMatch(/--subdomain NAME/u);
    expect(SERVE_HELP).toContain('https://localtunnel.me');
  });
});
