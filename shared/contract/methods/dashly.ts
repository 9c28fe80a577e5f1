import { z } from 'zod';
import { ApiCall } from '../../model/api-call.js';
import { Message } from '../../model/message.js';
import { DASHLY_ID_PATTERN, FROM_ADMIN_PATTERN } from '../../dashly/presets.js';
import { defineMethod } from '../define.js';

/**
 * A Dashly conversation id. Send it as a string: ids reach 2^64 and a JSON number above 2^53 is
 * already corrupted by the time it arrives. Safe integers are accepted as numbers for convenience.
 */
export const DashlyConversationId = z.union([z.string(), z.number()]).transform((value, ctx) => {
  if (typeof value === 'number') {
    if (Number.isSafeInteger(value) && value >= 0) return String(value);
    ctx.addIssue({
      code: 'custom',
      message: 'send conversation ids as strings: a JSON number above 2^53 has already lost digits',
    });
    return z.NEVER;
  }
  const id = value.trim();
  if (DASHLY_ID_PATTERN.test(id)) return id;
  ctx.addIssue({ code: 'custom', message: 'a Dashly conversation id is digits only' });
  return z.NEVER;
});

const FromAdmin = z.string().trim().regex(FROM_ADMIN_PATTERN, 'an admin id (digits) or `default_admin`');

export const DashlyAdmin = z.object({
  id: z.string(),
  name: z.string().nullable(),
  /** `admin` (a person) or `bot`. */
  type: z.string().nullable(),
  /** Epoch milliseconds of the latest payload that named this admin. */
  lastSeenAt: z.number(),
});
export type DashlyAdmin = z.infer<typeof DashlyAdmin>;

export const DashlyPreset = z.object({
  id: z.string(),
  label: z.string(),
  apiBaseUrl: z.string(),
  authStyle: z.enum(['header', 'query']),
  note: z.string(),
});

/** Assign, close and tag: the thread entry Dashly's new part got, or null when nothing changed. */
const ActionResult = z.object({ changed: z.boolean(), message: Message.nullable() });

export const dashlyMethods = {
  'dashly.reply': defineMethod({
    description:
      'Replies in a Dashly conversation through the Web API (`POST /conversations/{id}/reply`, form-encoded, fresh `random_id`, `id_as_string=true`). The reply is in the thread at once with `status: "sent"`, turns `"delivered"` when the echo webhook with the same `random_id` arrives, or `"failed"`: then this call answers `upstream_error` (or `timeout`) whose message names the API error (e.g. `ReplyTooBig`) and whose `details.messageId` can be passed to `dashly.retry`. Never retried automatically.',
    input: z.object({
      conversationId: DashlyConversationId,
      body: z.string().min(1).max(100_000),
      /** `reply_admin` (default, visible to the user) or `note` (internal). */
      type: z.enum(['reply_admin', 'note']).default('reply_admin'),
      /** Admin id or `default_admin`; defaults to the `dashly.defaultFromAdmin` setting. */
      fromAdmin: FromAdmin.optional(),
    }),
    output: Message,
  }),
  'dashly.retry': defineMethod({
    description:
      'Sends a failed reply again with a new `random_id` (check first that the failed attempt did not arrive: a timed-out POST may have succeeded). Answers the message, or an error like `dashly.reply`.',
    input: z.object({ messageId: z.number().int().positive() }),
    output: Message,
  }),
  'dashly.assign': defineMethod({
    description:
      'Assigns the conversation to an admin (`admin: null` unassigns). `changed` is false when Dashly reported no change.',
    input: z.object({
      conversationId: DashlyConversationId,
      admin: z.string().trim().regex(DASHLY_ID_PATTERN, 'an admin id (digits)').nullable(),
      fromAdmin: FromAdmin.optional(),
    }),
    output: ActionResult,
  }),
  'dashly.close': defineMethod({
    description: 'Closes the conversation.',
    input: z.object({ conversationId: DashlyConversationId, fromAdmin: FromAdmin.optional() }),
    output: ActionResult,
  }),
  'dashly.tag': defineMethod({
    description:
      'Adds a tag to the conversation, or removes it with `remove: true` (`DELETE …/tag`; legacy `/v1`: `POST action=delete`). Dashly answers `ConversationTagAlreadyAssigned` / `ConversationTagIsNotAssigned` as errors.',
    input: z.object({
      conversationId: DashlyConversationId,
      tag: z.string().trim().min(1).max(255),
      remove: z.boolean().default(false),
      fromAdmin: FromAdmin.optional(),
    }),
    output: ActionResult,
  }),
  'dashly.typing': defineMethod({
    description:
      'Shows "typing…" to the user (`settyping`). Call it while the operator composes: at most one API call per conversation per 3 s is made; `sent` says whether this one was.',
    input: z.object({
      conversationId: DashlyConversationId,
      body: z.string().max(10_000),
      fromAdmin: FromAdmin.optional(),
    }),
    output: z.object({ sent: z.boolean() }),
  }),
  'dashly.admins': defineMethod({
    description:
      'Admins and bots seen in captured payloads (`from`, `assignee`), most recently seen first: the choices for a sender picker besides a typed id and `default_admin`.',
    input: z.object({ limit: z.number().int().min(1).max(1000).default(200) }).default({ limit: 200 }),
    output: z.array(DashlyAdmin),
  }),
  'dashly.calls': defineMethod({
    description:
      'Recorded Web API calls, newest first, optionally for one conversation: method, URL and form fields (never the token), HTTP status, response body, duration and error. Pass `next` back as `before` for the following page.',
    input: z
      .object({
        conversationId: DashlyConversationId.optional(),
        limit: z.number().int().min(1).max(1000).default(100),
        before: z.number().int().positive().optional(),
      })
      .default({ limit: 100 }),
    output: z.object({ items: z.array(ApiCall), next: z.number().int().nullable() }),
  }),
  'dashly.presets': defineMethod({
    description:
      'API base URL presets for the `dashly.apiBaseUrl` / `dashly.authStyle` settings: current Dashly, legacy `/v1`, Carrot quest.',
    input: z.object({}).default({}),
    output: z.array(DashlyPreset),
  }),
};
