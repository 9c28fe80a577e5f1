import { createHash, timingSafeEqual } from 'node:crypto';
import type { SettingsService } from '../../settings/settings-service.js';
import { decodeText } from '../../util/text.js';
import type { ProviderChecks, StoredRequest } from '../provider.js';
import { readForm } from './parse.js';

export type WebhookTokenCheck = NonNullable<ProviderChecks['webhookToken']>;

/**
 * Dashly signs nothing: the form field `token` is the only proof a webhook came from Dashly
 * (docs/dashly.md §1). Both sides are hashed first so the comparison takes the same time whatever
 * the lengths, then compared in constant time.
 */
export function tokensMatch(received: string, expected: string): boolean {
  const a = createHash('sha256').update(received, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}

/** The `token` form field, also inside the base64 variant; null when there is none. */
export function webhookTokenOf(body: Buffer): string | null {
  const text = decodeText(body);
  if (text === null) return null;
  const form = readForm(text) ?? { fields: new URLSearchParams(text.trim()) };
  const token = form.fields.get('token');
  return token === null || token === '' ? null : token;
}

export function checkWebhookToken(body: Buffer, expected: string | null): WebhookTokenCheck {
  if (!expected) return 'not-configured';
  const received = webhookTokenOf(body);
  if (received === null) return 'missing';
  return tokensMatch(received, expected) ? 'ok' : 'mismatch';
}

/** The provider's `verify` hook: computed on read, so a token set later applies to old captures too. */
export function verifyDashly(request: StoredRequest, settings: SettingsService): ProviderChecks {
  return { webhookToken: checkWebhookToken(request.body, settings.secret('dashly.webhookToken')) };
}
