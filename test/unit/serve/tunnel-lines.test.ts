import { describe, expect, it } from 'vitest';
import { tunnelLinePrinter } from '../../../electron/serve/tunnel-lines.js';
import type { TunnelStatus } from '../../../shared/model/tunnel.js';

const base: TunnelStatus = {
  state: 'connecting',
  url: null,
  host: 'https://localtunnel.me',
  requestedSubdomain: 'my-hooks',
  grantedSubdomain: null,
  attempt: 1,
  nextRetryAt: null,
  error: null,
  warnings: [],
  since: 0,
  connectedSockets: null,
  maxSockets: null,
  endpoints: [],
};

const online: TunnelStatus = {
  ...base,
  state: 'online',
  url: 'https://my-hooks.loca.lt',
  grantedSubdomain: 'my-hooks',
  attempt: 0,
  endpoints: [
    { provider: 'dashly', prefix: '/dashly', url: 'https://my-hooks.loca.lt/dashly' },
    { provider: 'kindly', prefix: '/kindly', url: 'https://my-hooks.loca.lt/kindly' },
  ],
};

describe('serve-mode tunnel lines', () => {
  it('prints the public URL and webhook URLs once when online', () => {
    const print = tunnelLinePrinter();
    expect(print(base)).toEqual([]);
    expect(print(online)).toEqual([
      {
        stream: 'stdout',
        text: 'Tunnel online: https://my-hooks.loca.lt\nDashly webhook URL: https://my-hooks.loca.lt/dashly   Kindly webhook URL: https://my-hooks.loca.lt/kindly',
      },
    ]);
    expect(print({ ...online, connectedSockets: 10 })).toEqual([]);
  });

  it('prints retries, errors and each new warning on stderr', () => {
    const print = tunnelLinePrinter();
    print(online);
    const retry = print({
      ...base,
      state: 'reconnecting',
      attempt: 2,
      nextRetryAt: Date.now() + 4000,
      error: 'Could not reach the tunnel server.',
    });
    expect(retry).toHaveLength(1);
    expect(retry[0]?.stream).toBe('stderr');
    expect(retry[0]?.text).toMatch(
      /^Tunnel reconnecting \(try 2 in [34] s\): Could not reach the tunnel server\.$/u,
    );
    expect(print({ ...base, state: 'error', error: 'Refused.' })).toEqual([
      { stream: 'stderr', text: 'Tunnel error: Refused.' },
    ]);
    const warned = { ...online, warnings: ['The URL changed.'] };
    expect(print(warned)).toEqual([
      expect.objectContaining({ stream: 'stdout' }),
      { stream: 'stderr', text: 'Tunnel warning: The URL changed.' },
    ]);
    expect(print(warned)).toEqual([]);
    expect(print({ ...base, state: 'off', attempt: 0 })).toEqual([
      { stream: 'stdout', text: 'Tunnel closed.' },
    ]);
  });
});
