/**
 * The public host names the tunnel server granted during this run. A request whose Host header
 * names one of them came through the tunnel — also a late delivery through a tunnel generation
 * that has since been replaced, which is why old names are kept (up to a bound).
 */
export class GrantedHosts {
  private readonly names: string[] = [];

  constructor(private readonly limit = 50) {}

  add(url: string): void {
    let hostname: string;
    try {
      hostname = new URL(url).hostname.toLowerCase();
    } catch {
      return;
    }
    if (hostname === '' || this.names.includes(hostname)) return;
    this.names.push(hostname);
    if (this.names.length > this.limit) this.names.shift();
  }

  /** True when a Host header (`name`, `name:port`, `[v6]:port`) names a granted host; the port is ignored. */
  matches(hostHeader: string | undefined): boolean {
    if (!hostHeader || this.names.length === 0) return false;
    const host = hostHeader.trim().toLowerCase();
    const hostname = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.replace(/:\d*$/u, '');
    return this.names.includes(hostname.replace(/\.$/u, ''));
  }
}
