import { headerValue } from '../../util/headers.js';
import type { Provider, ReceivedRequest } from '../provider.js';
import { parseDashly } from './parse.js';
import { verifyDashly } from './webhook-token.js';

const USER_AGENT = /\b(Dashly|Carrotquest) Webhook\b/iu;

function looksLikeDashly(request: ReceivedRequest): boolean {
  if (USER_AGENT.test(headerValue(request.headers, 'user-agent') ?? '')) return true;
  const head = request.body.toString('latin1', 0, Math.min(request.body.length, 64 * 1024));
  if (!/(^|&)conversation=/u.test(head)) return false;
  return /(^|&)type=conversation(&|$)/u.test(head) || /(^|&)token=/u.test(head);
}

export const dashlyProvider: Provider = {
  id: 'dashly',
  label: 'Dashly',
  pathPrefix: '/dashly',
  detect: looksLikeDashly,
  parse: parseDashly,
  verify: verifyDashly,
};
