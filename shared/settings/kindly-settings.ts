import { z } from 'zod';
import { defineSetting } from './define.js';

/** Secrets are set with a string and cleared with null; their schema only documents the type. */
const secretString = z.string().min(1);

/** An http(s) origin with an optional path prefix, stored without a trailing slash. */
const apiBaseUrl = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return (
        (url.protocol === 'https:' || url.protocol === 'http:') &&
        url.username === '' &&
        url.password === '' &&
        url.search === '' &&
        url.hash === ''
      );
    } catch {
      return false;
    }
  }, 'Must be an http(s) URL without credentials, query or fragment, e.g. https://bot.kindly.ai')
  .transform((value) => value.replace(/\/+$/u, ''));

export const KINDLY_DEFAULT_API_BASE_URL = 'https://bot.kindly.ai';

export const kindlySettings = {
  'kindly.hmacSecret': defineSetting({
    schema: secretString,
    default: '',
    secret: true,
    description:
      'Webhook HMAC secret (Kindly: Settings › General › Security). Used to verify `Kindly-HMAC` on captures and to re-sign edited replays.',
  }),
  'kindly.botApiKey': defineSetting({
    schema: secretString,
    default: '',
    secret: true,
    description:
      'Kindly API key with the "Read chats" scope, for the Chat Transcript API (`kindly.transcript`).',
  }),
  'kindly.appApiKey': defineSetting({
    schema: secretString,
    default: '',
    secret: true,
    description: 'Kindly Application API key, for sending messages as a user (`kindly.send`).',
  }),
  'kindly.apiBaseUrl': defineSetting({
    schema: apiBaseUrl,
    default: KINDLY_DEFAULT_API_BASE_URL,
    secret: false,
    description:
      'Base URL of the Kindly APIs. API keys are only ever sent to this origin; a `_links.chat` URL elsewhere is refused.',
  }),
};
