import { z } from 'zod';
import { KindlyPreview } from '../../kindly/preview-model.js';
import { KindlyValidation } from '../../kindly/validation-result.js';
import { KindlySendResult, KindlyTranscript } from '../../model/kindly-transcript.js';
import { defineMethod } from '../define.js';

export const kindlyMethods = {
  'kindly.validate': defineMethod({
    description:
      'Checks a Kindly webhook reply, given as a JSON value in `response` or as JSON text in `text`. Answers `{valid, errors, warnings, notes, preview}`; each finding has an exact JSON `path` (e.g. `form.fields[5]`), a `code` and a plain `message`; `preview` is what a chat widget would show.',
    input: z
      .object({
        response: z.unknown().optional(),
        text: z
          .string()
          .max(10 * 1024 * 1024)
          .optional(),
      })
      .refine((input) => Object.hasOwn(input, 'response') !== (input.text !== undefined), {
        message: 'Give exactly one of `response` (a JSON value) or `text` (JSON text).',
      }),
    output: KindlyValidation.extend({ preview: KindlyPreview }),
  }),
  'kindly.transcript': defineMethod({
    description:
      "A chat's transcript from Kindly's Chat Transcript API (Bot API key `kindly.botApiKey`), fetched from the chat's `_links.chat` (only under `kindly.apiBaseUrl`) or `{base}/api/v1/chats/{chatId}`, and cached; `refresh: true` fetches again. `messages` is normalized when the answer has a message list; `raw` is Kindly's answer.",
    input: z.object({ chatId: z.string().min(1).max(200), refresh: z.boolean().default(false) }),
    output: KindlyTranscript,
  }),
  'kindly.send': defineMethod({
    description:
      "Sends a message into a Kindly bot as the end user through the Application API (`POST {base}/api/v1/send`, key `kindly.appApiKey`), e.g. to trigger a dialogue without a browser. `exchangeId` follows up a specific dialogue. Answers Kindly's message id (`chatmessage_id` or `reply_to_id`).",
    input: z.object({
      userId: z.string().min(1).max(500),
      message: z.string().min(1).max(100_000),
      languageCode: z.string().min(2).max(20),
      exchangeId: z.string().min(1).max(200).optional(),
    }),
    output: KindlySendResult,
  }),
};
