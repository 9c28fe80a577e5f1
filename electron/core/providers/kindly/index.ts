import { headerValue } from '../../util/headers.js';
import type { Provider, ReceivedRequest } from '../provider.js';
import { parseKindly } from './parse.js';
import { kindlyResponseMessages } from './reply-message.js';
import { verifyKindlySignature } from './signature.js';

function looksLikeKindly(request: ReceivedRequest): boolean {
  if (headerValue(request.headers, 'kindly-hmac') !== undefined) return true;
  const first = request.body.subarray(0, 1).toString();
  if (first !== '{') return false;
  // Cheap byte checks before any JSON parsing of a body that is probably not Kindly's.
  const text = request.body.toString('utf8', 0, Math.min(request.body.length, 256 * 1024));
  if (!text.includes('"chat_id"')) return false;
  try {
    const payload = JSON.parse(text) as Record<string, unknown>;
    return 'chat_id' in payload && ('bot_id' in payload || 'exchange' in payload);
  } catch {
    return false;
  }
}

export const kindlyProvider: Provider = {
  id: 'kindly',
  label: 'Kindly',
  pathPrefix: '/kindly',
  detect: looksLikeKindly,
  parse: parseKindly,
  verify(request, settings) {
    const { signature, warning } = verifyKindlySignature(
      { headers: request.headers, body: request.body, bodyComplete: request.bodyTruncated !== true },
      settings.secret('kindly.hmacSecret'),
    );
    return { signature, signatureWarning: warning };
  },
  responseMessages: kindlyResponseMessages,
};
