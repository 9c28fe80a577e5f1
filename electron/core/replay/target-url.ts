import { ApiError } from '../api/api-error.js';

const LOOPBACK_NAMES = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\]|0\.0\.0\.0|\[::\])$/iu;

/**
 * A URL the user typed as a replay target. Only http and https: the local API is trusted, but
 * `file:`, `data:` or other schemes have no business here. Credentials belong in a header.
 */
export function parseTargetUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new ApiError(
      'bad_request',
      `"${text.slice(0, 200)}" is not a URL (e.g. http://localhost:3000/webhook).`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new ApiError('bad_request', `Only http:// and https:// targets are allowed (got ${url.protocol}).`);
  if (url.username !== '' || url.password !== '')
    throw new ApiError('bad_request', 'Put credentials in an Authorization header, not in the URL.');
  url.hash = '';
  return url;
}

/** True when the URL points at Convoscope's own listener. */
export function isListenerUrl(url: URL, listenerPort: number): boolean {
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  return url.protocol === 'http:' && LOOPBACK_NAMES.test(url.hostname) && port === listenerPort;
}
