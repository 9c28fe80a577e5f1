/**
 * Which URLs may receive a Kindly API key: only those under the configured base URL. A chat's
 * `_links.chat` comes from a webhook payload, i.e. from whoever reached the public listener, so it
 * is used only when it points inside that base.
 */
import { ApiError } from '../api/api-error.js';

/** `{base}/{path}` with exactly one slash between. */
export function apiUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/u, '')}/${path.replace(/^\/+/u, '')}`;
}

/** True when `url` has the base's origin and lies under its path. */
export function isUnderBase(url: URL, base: string): boolean {
  const baseUrl = new URL(base);
  const basePath = baseUrl.pathname.replace(/\/+$/u, '');
  return (
    url.origin === baseUrl.origin &&
    (url.protocol === 'https:' || url.protocol === 'http:') &&
    url.username === '' &&
    url.password === '' &&
    (basePath === '' || url.pathname === basePath || url.pathname.startsWith(`${basePath}/`))
  );
}

/** The transcript URL for a chat: its `_links.chat` when that is under the base, else refused. */
export function transcriptUrl(chatId: string, base: string, chatLink: string | null): string {
  if (chatLink === null) return apiUrl(base, `api/v1/chats/${encodeURIComponent(chatId)}`);
  let link: URL;
  try {
    link = new URL(chatLink);
  } catch {
    throw new ApiError(
      'bad_request',
      `The chat's _links.chat is not a URL: ${JSON.stringify(chatLink.slice(0, 200))}.`,
    );
  }
  if (!isUnderBase(link, base)) {
    throw new ApiError(
      'forbidden',
      `The chat's _links.chat points to ${link.origin}, outside the configured Kindly API base URL ${base}; Convoscope will not send the Bot API key there. If that host is really Kindly, set kindly.apiBaseUrl to it.`,
      { chatLink: link.href, apiBaseUrl: base },
    );
  }
  return link.href;
}
