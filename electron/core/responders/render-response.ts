import type { HeaderList } from '../../../shared/model/http.js';
import type { ResponseSpec } from '../../../shared/model/endpoint.js';
import {
  renderJsonTemplate,
  renderTemplate,
  type TemplateScope,
} from '../../../shared/templates/template.js';
import { headerValue } from '../util/headers.js';
import type { ResponsePlan } from '../listener/responder.js';

const JSON_TYPE = 'application/json; charset=utf-8';
const TEXT_TYPE = 'text/plain; charset=utf-8';

/**
 * Turns a `{status?, headers?, body}` spec into the exact bytes to send. A string body is text, any
 * other JSON value is JSON; a Content-Type the user set wins. With a scope, strings in the body and
 * header values are templates; without one (an operator's answer) they are sent as typed.
 */
export function renderResponse(
  spec: ResponseSpec,
  source: string,
  scope: TemplateScope | null,
  ruleIndex: number | null = null,
): ResponsePlan {
  const headers: HeaderList = (spec.headers ?? []).map(([name, value]) => [
    name,
    scope ? renderTemplate(value, scope).replace(/[\r\n\0]/gu, ' ') : value,
  ]);
  let body: Buffer;
  let defaultType: string;
  if (typeof spec.body === 'string') {
    body = Buffer.from(scope ? renderTemplate(spec.body, scope) : spec.body, 'utf8');
    defaultType = TEXT_TYPE;
  } else {
    const value = scope ? renderJsonTemplate(spec.body, scope) : spec.body;
    body = Buffer.from(JSON.stringify(value) ?? 'null', 'utf8');
    defaultType = JSON_TYPE;
  }
  if (headerValue(headers, 'content-type') === undefined) headers.unshift(['Content-Type', defaultType]);
  return { status: spec.status ?? 200, headers, body, source, ruleIndex };
}
