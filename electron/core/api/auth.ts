import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { TOKEN_PROTOCOL_PREFIX } from '../../../shared/contract/index.js';

/**
 * The three checks every API request passes: the Host names this server (defeats DNS rebinding),
 * the Origin, when sent, is this server's own, and the bearer token matches.
 */
export class ApiAuth {
  private readonly tokenDigest: Buffer;
  private readonly hosts: Set<string>;
  private readonly origins: Set<string>;

  constructor(token: string, port: number, extraOrigins: string[] = []) {
    this.tokenDigest = digest(token);
    this.hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
    this.origins = new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`, ...extraOrigins]);
  }

  hostAllowed(headers: IncomingHttpHeaders): boolean {
    const host = headers.host?.toLowerCase();
    return host !== undefined && this.hosts.has(host);
  }

  /** No Origin (curl, scripts) is fine: such callers must still hold the token. */
  originAllowed(headers: IncomingHttpHeaders): boolean {
    const origin = headers.origin;
    return origin === undefined || this.origins.has(origin);
  }

  tokenMatches(candidate: string | undefined | null): boolean {
    if (!candidate) return false;
    return timingSafeEqual(digest(candidate), this.tokenDigest);
  }

  bearerMatches(headers: IncomingHttpHeaders): boolean {
    const match = /^Bearer\s+(\S+)\s*$/iu.exec(headers.authorization ?? '');
    return this.tokenMatches(match?.[1]);
  }

  /** The token carried as a WebSocket subprotocol (`bearer.<token>`), since browsers cannot set headers. */
  protocolToken(protocols: Set<string>): string | null {
    for (const protocol of protocols) {
      if (protocol.startsWith(TOKEN_PROTOCOL_PREFIX)) return protocol.slice(TOKEN_PROTOCOL_PREFIX.length);
    }
    return null;
  }
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
