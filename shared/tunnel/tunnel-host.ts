/** The public localtunnel service; self-hosted servers are allowed too. */
export const DEFAULT_TUNNEL_HOST = 'https://localtunnel.me';

export type TunnelHostResult = { ok: true; host: string } | { ok: false; problem: string };

/**
 * Normalises a tunnel server address to `scheme://host[:port][/path]` with no trailing slash:
 * with one, the localtunnel client asks for `//name`, gets a 404 and retries forever.
 */
export function normalizeTunnelHost(input: string): TunnelHostResult {
  const text = input.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return {
      ok: false,
      problem: `The tunnel server address ${JSON.stringify(text)} is not a URL (example: ${DEFAULT_TUNNEL_HOST}).`,
    };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return {
      ok: false,
      problem: `The tunnel server address must start with http:// or https://, got ${JSON.stringify(text)}.`,
    };
  if (url.username || url.password)
    return { ok: false, problem: 'The tunnel server address cannot contain a user name or password.' };
  if (url.search || url.hash)
    return { ok: false, problem: 'The tunnel server address cannot have a query (?…) or fragment (#…).' };
  const path = url.pathname.replace(/\/+$/u, '');
  return { ok: true, host: `${url.protocol}//${url.host}${path}` };
}
