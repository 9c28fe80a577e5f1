import { describe, expect, it } from 'vitest';
import { GrantedHosts } from '../../../electron/core/tunnel/granted-hosts.js';

describe('GrantedHosts (which Host headers mean "came through the tunnel")', () => {
  it('matches the granted host name with or without a port, case-insensitively', () => {
    const hosts = new GrantedHosts();
    expect(hosts.matches('hook.loca.lt')).toBe(false);
    hosts.add('https://hook.loca.lt');
    expect(hosts.matches('hook.loca.lt')).toBe(true);
    expect(hosts.matches('HOOK.loca.lt:443')).toBe(true);
    expect(hosts.matches('hook.loca.lt.')).toBe(true);
    expect(hosts.matches('other.loca.lt')).toBe(false);
    expect(hosts.matches('loca.lt')).toBe(false);
    expect(hosts.matches(undefined)).toBe(false);
    expect(hosts.matches('')).toBe(false);
  });

  it('keeps earlier generations (late deliveries) but only up to its limit', () => {
    const hosts = new GrantedHosts(2);
    hosts.add('http://one.localhost');
    hosts.add('http://two.localhost');
    expect(hosts.matches('one.localhost:8111')).toBe(true);
    hosts.add('http://three.localhost');
    expect(hosts.matches('one.localhost')).toBe(false);
    expect(hosts.matches('two.localhost')).toBe(true);
    expect(hosts.matches('three.localhost')).toBe(true);
  });

  it('handles IPv6 literals and ignores garbage URLs', () => {
    const hosts = new GrantedHosts();
    hosts.add('not a url');
    hosts.add('http://[::1]:8080');
    expect(hosts.matches('[::1]:8080')).toBe(true);
    expect(hosts.matches('[::2]:8080')).toBe(false);
  });
});
