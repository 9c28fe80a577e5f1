import {
  buildKindlyPreview,
  validateKindlyReply,
  validateKindlyReplyText,
} from '../../../../shared/kindly/index.js';
import { sendAsUser } from '../../kindly-api/send-as-user.js';
import { fetchTranscript } from '../../kindly-api/transcript-service.js';
import type { SettingsService } from '../../settings/settings-service.js';
import type { Store } from '../../store/store.js';
import type { HandlerGroup } from '../handler-types.js';

/** How long a Kindly API call may take before it is reported as a timeout. */
export const KINDLY_API_TIMEOUT_MS = 15_000;

export function kindlyHandlers(deps: {
  store: Store;
  settings: SettingsService;
  timeoutMs?: number;
}): HandlerGroup<'kindly.validate' | 'kindly.transcript' | 'kindly.send'> {
  const timeoutMs = deps.timeoutMs ?? KINDLY_API_TIMEOUT_MS;
  return {
    'kindly.validate': (input) => {
      if (input.text !== undefined) {
        const { value, validation } = validateKindlyReplyText(input.text);
        return { ...validation, preview: buildKindlyPreview(value) };
      }
      return { ...validateKindlyReply(input.response), preview: buildKindlyPreview(input.response) };
    },
    'kindly.transcript': ({ chatId, refresh }) =>
      fetchTranscript({ store: deps.store, settings: deps.settings, timeoutMs }, chatId, refresh),
    'kindly.send': (input) => sendAsUser({ settings: deps.settings, timeoutMs }, input),
  };
}
