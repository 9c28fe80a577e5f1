/**
 * Why a Dashly Web API call failed:
 * - `api`: Dashly answered with an error (`meta.error`, or a non-2xx status);
 * - `timeout`: no answer in time, so the call may or may not have taken effect;
 * - `network`: the API could not be reached (nothing was sent);
 * - `protocol`: an answer that is not a Dashly envelope (a proxy page, a redirect);
 * - `not-configured`: no API token is set.
 */
export type DashlyFailureKind = 'api' | 'timeout' | 'network' | 'protocol' | 'not-configured';

export class DashlyApiError extends Error {
  constructor(
    readonly kind: DashlyFailureKind,
    message: string,
    readonly details: {
      httpStatus?: number | null;
      /** Dashly's error name, e.g. `ReplyTooBig`, `AuthenticationFailed`. */
      apiError?: string | null;
      apiErrorMessage?: string | null;
      callId?: number | null;
    } = {},
  ) {
    super(message);
    this.name = 'DashlyApiError';
  }
}

/** Hints for the errors an operator can fix in settings. */
const HINTS: Record<string, string> = {
  AuthenticationFailed:
    'check dashly.apiToken, and dashly.authStyle (the legacy /v1 API needs the token as auth_token)',
  PermissionDenied: 'the API token lacks a scope this call needs (e.g. conversations-write)',
};

export function describeApiFailure(
  httpStatus: number,
  apiError: string | null,
  apiErrorMessage: string | null,
  hasEnvelope: boolean,
): string {
  if (!apiError)
    return `Dashly API answered HTTP ${httpStatus}${hasEnvelope ? '' : ' (not a Dashly {meta, data} envelope)'}.`;
  const hint = HINTS[apiError];
  return `Dashly API error ${apiError}${apiErrorMessage ? `: ${apiErrorMessage}` : ''} (HTTP ${httpStatus})${hint ? ` — ${hint}` : ''}.`;
}
