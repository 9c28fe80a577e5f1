import { desktopApi } from '../lib/desktop-bridge.js';

const STORAGE_KEY = 'convoscope.token';

/**
 * The API token: from the desktop bridge, or from the `#token=` fragment of the URL serve mode
 * prints (then kept in this tab's sessionStorage and removed from the address bar).
 */
export function resolveToken(): string | null {
  const fromDesktop = desktopApi()?.apiToken;
  if (fromDesktop) return fromDesktop;
  const match = /(?:^#|&)token=([^&]+)/u.exec(window.location.hash);
  if (match?.[1]) {
    const token = decodeURIComponent(match[1]);
    sessionStorage.setItem(STORAGE_KEY, token);
    const rest = window.location.hash.replace(/(?:^#|&)token=[^&]+/u, '').replace(/^&/u, '');
    history.replaceState(null, '', `${window.location.pathname}${rest ? `#${rest}` : ''}`);
    return token;
  }
  return sessionStorage.getItem(STORAGE_KEY);
}
