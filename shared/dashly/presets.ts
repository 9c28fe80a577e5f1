/**
 * Web API base URLs the settings UI offers (docs/dashly.md §5). A custom URL is allowed too.
 * The legacy `/v1` API requires the token as the `auth_token` parameter, hence `authStyle: query`.
 */
export interface DashlyApiPreset {
  id: string;
  label: string;
  apiBaseUrl: string;
  authStyle: 'header' | 'query';
  note: string;
}

export const DASHLY_DEFAULT_API_BASE_URL = 'https://api.dashly.app';

export const dashlyApiPresets: readonly DashlyApiPreset[] = [
  {
    id: 'dashly',
    label: 'Dashly',
    apiBaseUrl: DASHLY_DEFAULT_API_BASE_URL,
    authStyle: 'header',
    note: 'Current API; token sent as `Authorization: Token …`.',
  },
  {
    id: 'dashly-legacy',
    label: 'Dashly (legacy /v1)',
    apiBaseUrl: `${DASHLY_DEFAULT_API_BASE_URL}/v1`,
    authStyle: 'query',
    note: 'Legacy API; token sent as the `auth_token` parameter (required there).',
  },
  {
    id: 'carrotquest',
    label: 'Carrot quest',
    apiBaseUrl: 'https://api.carrotquest.io',
    authStyle: 'header',
    note: 'Same API under the Carrot quest brand.',
  },
  {
    id: 'carrotquest-legacy',
    label: 'Carrot quest (legacy /v1)',
    apiBaseUrl: 'https://api.carrotquest.io/v1',
    authStyle: 'query',
    note: 'Legacy Carrot quest API; token sent as `auth_token`.',
  },
];

/** The legacy API lives under `/v1`: it needs `auth_token` on every call and removes tags with `action=delete`. */
export function isLegacyApiBase(baseUrl: string): boolean {
  try {
    return /\/v1\/?$/u.test(new URL(baseUrl).pathname);
  } catch {
    return false;
  }
}

/** A Dashly id: digits only, up to 2^64 − 1 (kept as a string; it exceeds 2^53). */
export const DASHLY_ID_PATTERN = /^\d{1,20}$/u;
/** `from_admin`: an admin id or the literal `default_admin`. */
export const FROM_ADMIN_PATTERN = /^(\d{1,20}|default_admin)$/u;
