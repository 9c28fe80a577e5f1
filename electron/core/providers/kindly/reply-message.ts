import {
  buildKindlyPreview,
  describeKindlyReply,
  validateKindlyReplyText,
  type KindlyIssue,
} from '../../../../shared/kindly/index.js';
import type { CaptureForResponse, NewMessage, StoredResponse } from '../../store/records.js';
import { isRecord } from '../../util/lossless-json.js';
import { decodeText } from '../../util/text.js';

/** Findings kept per list in a message's meta; a reply with more is broken enough already. */
const MAX_STORED_ISSUES = 50;

/**
 * The bot's answer as a chat message: what Kindly reads from the webhook response (docs/kindly.md
 * §3) becomes a `to_user` message right after the user's, with the full reply, its validation and
 * the context it writes in `meta`. An empty `{}` (the default acknowledgement) adds nothing, and
 * neither does a non-2xx answer (Kindly takes nothing from it).
 */
export function kindlyResponseMessages(capture: CaptureForResponse, response: StoredResponse): NewMessage[] {
  if (!capture.conversationKey) return [];
  if (response.status < 200 || response.status >= 300) return [];
  const request = capture.requestMessages.find((message) => message.direction === 'to_operator');
  const base = {
    provider: 'kindly' as const,
    conversationKey: capture.conversationKey,
    direction: 'to_user' as const,
    author: { kind: 'bot' as const, id: null, name: null },
    // The user's time, so the thread (ordered by time, then id) shows the reply right after its question.
    at: request?.at ?? capture.receivedAt,
    kind: 'reply',
    conversationTitle: '',
  };
  const responseInfo = { status: response.status, source: response.source };

  const text = decodeText(response.body);
  const { value, validation } = validateKindlyReplyText(text ?? '');
  const stored = {
    valid: validation.valid,
    errors: validation.errors.slice(0, MAX_STORED_ISSUES),
    warnings: validation.warnings.slice(0, MAX_STORED_ISSUES),
    notes: validation.notes.slice(0, MAX_STORED_ISSUES),
  };
  if (text === null || value === undefined) {
    return [
      {
        ...base,
        text: `(a reply Kindly cannot read: ${text === null ? 'the body is not text' : firstMessage(validation.errors)})`,
        meta: { reply: null, validation: stored, response: responseInfo },
      },
    ];
  }
  if (isRecord(value) && Object.keys(value).length === 0) return [];

  const preview = buildKindlyPreview(value);
  const reply = isRecord(value) ? value : {};
  const newContext = isRecord(reply.new_context) ? reply.new_context : null;
  const contextBefore = isRecord(request?.meta.context) ? request.meta.context : {};
  const description = describeKindlyReply(preview);
  return [
    {
      ...base,
      text: validation.valid
        ? description || '(a reply with nothing to show)'
        : description || `(a reply Kindly cannot read: ${firstMessage(validation.errors)})`,
      meta: {
        reply: value,
        validation: stored,
        newContext,
        contextChanges: newContext
          ? Object.entries(newContext).map(([key, to]) => ({
              key,
              from: Object.hasOwn(contextBefore, key) ? contextBefore[key] : null,
              to,
              added: !Object.hasOwn(contextBefore, key),
            }))
          : [],
        labels: preview.annotations.flatMap((annotation) =>
          annotation.kind === 'labels' ? annotation.labels : [],
        ),
        trigger:
          preview.annotations.flatMap((annotation) =>
            annotation.kind === 'exchange_trigger' ? [{ by: annotation.by, target: annotation.target }] : [],
          )[0] ?? null,
        response: responseInfo,
      },
    },
  ];
}

function firstMessage(errors: readonly KindlyIssue[]): string {
  const first = errors[0];
  return first ? `${first.path ? `${first.path}: ` : ''}${first.message}` : 'unknown problem';
}
