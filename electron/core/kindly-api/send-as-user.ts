import type { KindlySendResult } from '../../../shared/model/kindly-transcript.js';
import { ApiError } from '../api/api-error.js';
import type { SettingsService } from '../settings/settings-service.js';
import { idString, isRecord, parseJsonLossless } from '../util/lossless-json.js';
import { apiUrl } from './api-base-url.js';
import { kindlyHttp } from './kindly-http.js';

export interface SendAsUserInput {
  userId: string;
  message: string;
  languageCode: string;
  exchangeId?: string | undefined;
}

/**
 * The Application API (docs/kindly.md §7): `POST {base}/api/v1/send` with the application key, as
 * if the user typed the message. The answer names the new message `chatmessage_id` (older docs) or
 * `reply_to_id` (newer samples); both are read.
 */
export async function sendAsUser(
  deps: { settings: SettingsService; timeoutMs: number },
  input: SendAsUserInput,
): Promise<KindlySendResult> {
  const key = deps.settings.secret('kindly.appApiKey');
  if (!key) {
    throw new ApiError(
      'bad_request',
      'No Kindly Application API key is set. Create an application (Kindly: Connect › Application) and set its key with settings.update {"kindly.appApiKey": "…"}.',
      { setting: 'kindly.appApiKey' },
    );
  }
  const body: Record<string, string> = {
    user_id: input.userId,
    message: input.message,
    language_code: input.languageCode,
  };
  if (input.exchangeId) body.exchange_id = input.exchangeId;

  const answer = await kindlyHttp(
    {
      method: 'POST',
      url: apiUrl(deps.settings.get('kindly.apiBaseUrl'), 'api/v1/send'),
      key,
      keyName: 'Application API key (kindly.appApiKey)',
      forbiddenHint: 'Use the key of an application of this bot (Connect › Application), not a Bot API key.',
      notFoundWhat: 'Application API at this base URL',
      json: body,
    },
    { timeoutMs: deps.timeoutMs },
  );
  if (answer.text.trim() === '') return { messageId: null, idField: null, raw: null };
  let raw: unknown;
  try {
    raw = parseJsonLossless(answer.text);
  } catch {
    throw new ApiError('upstream_error', `Kindly's answer to send is not JSON: ${answer.text.slice(0, 120)}`);
  }
  if (isRecord(raw)) {
    for (const field of ['chatmessage_id', 'reply_to_id'] as const) {
      const id = idString(raw[field]);
      if (id) return { messageId: id, idField: field, raw };
    }
  }
  return { messageId: null, idField: null, raw };
}
