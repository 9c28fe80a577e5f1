/**
 * The localtunnel handshake, done by Convoscope instead of the client library: `GET {host}/{name}`
 * answering `{id, port, max_conn_count, url, ip?}`. The library's own handshake has no timeout and
 * retries every error (even a 403 for a bad name) every second, forever — even after close() — so
 * an abandoned attempt would keep hitting the server in the background (docs/localtunnel.md §2.2).
 * Here every failure ends the attempt with a reason in plain words.
 *
 * Trust: the server's answer is untrusted input; it is shape-checked before use.
 */
import { describeNetworkError, httpGet, type GetResult } from './http-get.js';
import { TunnelOpenError } from './tunnel-errors.js';

/** What the server granted, plus its raw answer for the client library. */
export interface HandshakeAnswer {
  id: string;
  url: string;
  port: number;
  maxConnections: number;
  /** The answer as sent, for the client library (which reads its snake_case fields itself). */
  raw: Record<string, unknown>;
}

const MAX_REDIRECTS = 5;

function messageOf(body: Buffer): string | null {
  try {
    const parsed = JSON.parse(body.toString('utf8')) as unknown;
    if (parsed && typeof parsed === 'object' && typeof (parsed as { message?: unknown }).message === 'string')
      return (parsed as { message: string }).message.slice(0, 300).replace(/[.\s]+$/u, '');
  } catch {
    // Not JSON: no message to quote.
  }
  return null;
}

function parseAnswer(body: Buffer): HandshakeAnswer | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return null;
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return null;
  const raw = parsed as Record<string, unknown>;
  const { id, url, port, max_conn_count: max } = raw;
  if (typeof id !== 'string' || id.length === 0 || id.length > 253) return null;
  if (typeof url !== 'string' || !/^https?:\/\//iu.test(url)) return null;
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) return null;
  // The client opens one socket when the server names no count.
  const maxConnections = typeof max === 'number' && Number.isInteger(max) && max > 0 ? max : 1;
  return { id, url, port, maxConnections, raw };
}

/** Asks `host` for a tunnel named `subdomain`; rejects with a TunnelOpenError. */
export async function requestTunnel(
  host: string,
  subdomain: string,
  signal: AbortSignal,
): Promise<HandshakeAnswer> {
  const hostname = new URL(host).hostname;
  let url = `${host}/${encodeURIComponent(subdomain)}`;
  let res: GetResult | null = null;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    try {
      res = await httpGet(url, { signal });
    } catch (error) {
      throw new TunnelOpenError(
        `Could not reach the tunnel server ${host}: ${describeNetworkError(error, hostname)}.`,
        false,
      );
    }
    const location = res.headers.location;
    if (res.status < 300 || res.status >= 400 || !location) break;
    url = new URL(location, url).toString();
    if (!/^https?:/u.test(url)) break;
  }
  if (!res) throw new TunnelOpenError(`The tunnel server ${host} did not answer.`, false);

  const { status } = res;
  if (status === 403) {
    const said = messageOf(res.body);
    throw new TunnelOpenError(
      `The tunnel server refused the subdomain "${subdomain}"${said ? `: ${said}` : ''}. Choose another subdomain.`,
      true,
    );
  }
  if (status >= 400 && status < 500 && status !== 408 && status !== 429) {
    throw new TunnelOpenError(
      `The tunnel server ${host} answered ${status} to the tunnel request: is this the address of a localtunnel server?`,
      true,
    );
  }
  if (status !== 200) {
    throw new TunnelOpenError(
      `The tunnel server ${host} is not accepting tunnels right now (it answered ${status}).`,
      false,
    );
  }
  const answer = parseAnswer(res.body);
  if (!answer) {
    throw new TunnelOpenError(
      `The tunnel server ${host} answered with something that is not a localtunnel handshake (a login page on this network?).`,
      false,
    );
  }
  return answer;
}
