import { randomInt, randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { ComposeInput, ComposeTarget } from '../../../shared/model/replay.js';
import { endToEndHeaders, REPLAY_DROPPED_HEADERS } from '../../../shared/replay/end-to-end-headers.js';
import {
  ComposeError,
  composeDashly,
  composeKindly,
  type ComposedWebhook,
} from '../../../shared/replay/compose-templates.js';
import { ApiError } from '../api/api-error.js';
import { KINDLY_HMAC_HEADER, kindlySignature } from '../providers/kindly/signature.js';
import type { SettingsService } from '../settings/settings-service.js';
import { headerValue } from '../util/headers.js';
import { bodyFromInput, signKindly, type PrepareContext, type PreparedReplay } from './prepare-request.js';
import { isListenerUrl, parseTargetUrl } from './target-url.js';

/**
 * Builds a request from a template (a Dashly lead or operator message, a Kindly user message) or a
 * custom/pasted request, signed for Kindly when asked and a secret is set, aimed at the listener
 * or a URL. Nothing is sent here.
 */
export function prepareComposed(
  input: z.output<typeof ComposeInput>,
  target: ComposeTarget,
  settings: SettingsService,
  context: PrepareContext,
): PreparedReplay {
  const composeContext = {
    now: Math.floor(Date.now() / 1000),
    randomInt: () => randomInt(1, 2 ** 31 - 1),
    uuid: () => randomUUID(),
  };
  let composed: ComposedWebhook;
  let sign = false;
  let kindly = false;
  try {
    if (input.template === 'dashly.lead' || input.template === 'dashly.operator') {
      // Never the stored webhook token: the request is answered to the API and stored with the
      // replay, and secrets do not leave the core. The user types it to pass a token check.
      const token = input.fields.token ?? 'xxx';
      composed = composeDashly(
        input.template === 'dashly.lead' ? 'lead' : 'operator',
        input.fields,
        token,
        composeContext,
      );
    } else if (input.template === 'kindly.message') {
      composed = composeKindly(input.fields, settings.get('kindly.apiBaseUrl'), composeContext);
      sign = input.fields.sign;
      kindly = true;
    } else {
      const fields = input.fields;
      composed = {
        method: fields.method.toUpperCase(),
        path: fields.path,
        headers: fields.headers,
        body: '',
      };
      sign = fields.sign;
      kindly =
        headerValue(fields.headers, KINDLY_HMAC_HEADER) !== undefined ||
        /^\/kindly(\/|$|\?)/iu.test(fields.path);
    }
  } catch (error) {
    if (error instanceof ComposeError) throw new ApiError('bad_request', error.message);
    throw error;
  }
  const body =
    input.template === 'custom'
      ? bodyFromInput(input.fields.body, Buffer.alloc(0))
      : Buffer.from(composed.body, 'utf8');
  let headers = endToEndHeaders(composed.headers, REPLAY_DROPPED_HEADERS);
  let signature: PreparedReplay['signature'] = null;
  if (kindly) {
    const secret = context.kindlySecret();
    if (sign && secret) {
      const signed = signKindly(headers, body, true, true, secret);
      headers = signed.headers;
      signature = { ...signed.signature, note: 'Signed with the stored Kindly HMAC secret.' };
    } else {
      const current = headerValue(headers, KINDLY_HMAC_HEADER) ?? null;
      const matches = current !== null && secret !== null && kindlySignature(body, secret) === current.trim();
      signature = current
        ? {
            mode: matches || !secret ? 'original' : 'stale',
            header: current,
            note: matches
              ? 'The given signature matches the body.'
              : secret
                ? 'The given signature does not match the body; turn signing on to sign it with the stored secret.'
                : 'Sent as given (no secret is set to check it).',
          }
        : {
            mode: 'unsigned',
            header: null,
            note: !sign
              ? 'Signing is off.'
              : 'No Kindly HMAC secret is set (Settings › Kindly), so the request is not signed.',
          };
    }
  }

  let url: URL;
  let toListener: boolean;
  if (target.kind === 'listener') {
    const path = target.path ?? composed.path;
    url = new URL(`${context.listenerUrl}${path}`);
    toListener = true;
  } else {
    url = parseTargetUrl(target.url);
    toListener = isListenerUrl(url, context.listenerPort);
  }
  return {
    targetKind: target.kind === 'listener' ? 'listener' : 'url',
    method: composed.method,
    url,
    headers,
    body,
    bodyUnchanged: false,
    edited: false,
    signature,
    toListener,
    endpoint: null,
    warnings: [],
  };
}
