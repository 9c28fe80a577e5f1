import { randomInt } from 'node:crypto';
import { DASHLY_ID_PATTERN } from '../../../shared/dashly/presets.js';
import type { ConversationAssignee } from '../../../shared/model/conversation.js';
import type { Message, MessageAuthor } from '../../../shared/model/message.js';
import { ApiError, notFound } from '../api/api-error.js';
import type { EventBus } from '../events/event-bus.js';
import { describeSystemPart } from '../providers/dashly/conversation-part.js';
import type { SettingsService } from '../settings/settings-service.js';
import type { ConversationStatePatch } from '../store/records.js';
import type { Store } from '../store/store.js';
import { idString, isRecord } from '../util/lossless-json.js';
import type { DashlyApiClient, DashlyRequest, DashlyResponse } from './api-client.js';
import { DashlyApiError } from './dashly-api-error.js';
import type { TypingThrottle } from './typing-throttle.js';

export type ReplyType = 'reply_admin' | 'note';

export interface ReplyInput {
  conversationId: string;
  body: string;
  type: ReplyType;
  fromAdmin?: string | undefined;
  /** Set by the auto-responder: the message is marked automatic on the thread. */
  automatic?: { rule: number };
}

export interface ActionResult {
  changed: boolean;
  message: Message | null;
}

const REPLY_KINDS = new Set<string>(['reply_admin', 'note']);

/** Dashly's `random_id` is a 32-bit int; a fresh positive one per attempt identifies its echo. */
function newRandomId(): string {
  return String(randomInt(1, 2 ** 31));
}

function conversationPath(conversationId: string, endpoint: string): string {
  if (!DASHLY_ID_PATTERN.test(conversationId)) {
    throw new ApiError('bad_request', `"${conversationId}" is not a Dashly conversation id (digits only).`);
  }
  return `/conversations/${conversationId}/${endpoint}`;
}

/** The API's view of a failed Dashly call: names Dashly's error, carries ids for a retry. */
function toApiError(error: unknown, extra: { messageId?: number } = {}): Error {
  if (error instanceof ApiError) return error;
  if (!(error instanceof DashlyApiError)) return error instanceof Error ? error : new Error(String(error));
  if (error.kind === 'not-configured') return new ApiError('bad_request', error.message);
  return new ApiError(error.kind === 'timeout' ? 'timeout' : 'upstream_error', error.message, {
    ...extra,
    callId: error.details.callId ?? null,
    httpStatus: error.details.httpStatus ?? null,
    apiError: error.details.apiError ?? null,
    apiErrorMessage: error.details.apiErrorMessage ?? null,
  });
}

/**
 * The operator's side of a Dashly conversation: replies and notes (with delivery status), assign,
 * close, tags and the typing indicator, all through the Web API client, each recorded. Replies
 * enter the thread before the call is made, so the UI shows them at once.
 */
export class DashlyOperator {
  private readonly inflight = new Set<Promise<unknown>>();
  private readonly shutdown = new AbortController();

  constructor(
    private readonly deps: {
      store: Store;
      events: EventBus;
      settings: SettingsService;
      client: DashlyApiClient;
      typing: TypingThrottle;
    },
  ) {}

  isConfigured(): boolean {
    return this.deps.client.isConfigured();
  }

  /** Sends a reply or a note. Resolves with the message as sent; rejects (message `failed`) on error. */
  reply(input: ReplyInput): Promise<Message> {
    const { store } = this.deps;
    this.assertConfigured();
    const conversationKey = input.conversationId;
    conversationPath(conversationKey, 'reply'); // validates the id before anything is stored
    const fromAdmin = input.fromAdmin ?? this.deps.settings.get('dashly.defaultFromAdmin');
    const randomId = newRandomId();
    const state: ConversationStatePatch = input.type === 'reply_admin' ? { unanswered: false } : {};
    // Stored before the call (synchronously), so its echo can never arrive first.
    const message = store.transaction(() => {
      const id = store.messages.insert(null, {
        provider: 'dashly',
        conversationKey,
        direction: 'to_user',
        author: this.author(fromAdmin),
        text: input.body,
        at: Date.now(),
        kind: input.type,
        meta: {
          randomId,
          fromAdmin,
          attempts: 1,
          ...(input.automatic ? { autoReplyRule: input.automatic.rule } : {}),
        },
        conversationTitle: '',
        state,
        outgoing: { status: 'sent', echoKey: randomId, automatic: Boolean(input.automatic), error: null },
      });
      return store.messages.get(id);
    });
    if (!message) throw new Error('The reply could not be stored.');
    this.deps.events.emit('message.added', message);
    this.emitConversation(conversationKey);
    return this.track(this.send(message));
  }

  /** Sends a failed reply again with a new `random_id`. Never called automatically. */
  retry(messageId: number): Promise<Message> {
    const { store } = this.deps;
    const message = store.messages.get(messageId);
    if (!message || message.provider !== 'dashly' || message.status === undefined) {
      throw notFound(`Sent Dashly message ${messageId}`);
    }
    if (!REPLY_KINDS.has(message.kind)) {
      throw new ApiError(
        'bad_request',
        `Message ${messageId} is a ${message.kind} entry; only replies and notes can be retried.`,
      );
    }
    if (message.status !== 'failed') {
      throw new ApiError(
        'conflict',
        `Message ${messageId} is ${message.status}; only a failed reply can be retried.`,
      );
    }
    this.assertConfigured();
    const previous: unknown[] = Array.isArray(message.meta.previousRandomIds)
      ? (message.meta.previousRandomIds as unknown[])
      : [];
    const randomId = newRandomId();
    const attempts = typeof message.meta.attempts === 'number' ? message.meta.attempts : 1;
    const resent = store.transaction(() =>
      store.messages.updateOutgoing(messageId, {
        status: 'sent',
        error: null,
        echoKey: randomId,
        meta: {
          randomId,
          previousRandomIds: [...previous, message.meta.randomId],
          attempts: attempts + 1,
          apiError: null,
        },
      }),
    );
    if (!resent) throw notFound(`Sent Dashly message ${messageId}`);
    this.deps.events.emit('message.updated', resent);
    this.emitConversation(resent.conversationKey);
    return this.track(this.send(resent));
  }

  assign(input: {
    conversationId: string;
    admin: string | null;
    fromAdmin?: string | undefined;
  }): Promise<ActionResult> {
    const assignee: ConversationAssignee | null =
      input.admin === null ? null : { id: input.admin, name: this.adminName(input.admin) };
    return this.action({
      action: 'assign',
      method: 'POST',
      conversationId: input.conversationId,
      endpoint: 'assign',
      params: [['admin', input.admin ?? '']],
      fromAdmin: input.fromAdmin,
      kind: 'assigned',
      text: describeSystemPart({ assignee }, 'assigned'),
      meta: { assignee },
      state: () => ({ assignee }),
    });
  }

  close(input: { conversationId: string; fromAdmin?: string | undefined }): Promise<ActionResult> {
    return this.action({
      action: 'close',
      method: 'POST',
      conversationId: input.conversationId,
      endpoint: 'close',
      params: [],
      fromAdmin: input.fromAdmin,
      kind: 'closed',
      text: describeSystemPart({}, 'closed'),
      meta: {},
      state: () => ({ closed: true }),
    });
  }

  /** Adds or removes a tag: `POST`/`DELETE …/tag`; the legacy `/v1` API takes `POST action=add|delete`. */
  tag(input: {
    conversationId: string;
    tag: string;
    remove: boolean;
    fromAdmin?: string | undefined;
  }): Promise<ActionResult> {
    const { legacy } = this.deps.client.connection();
    if (legacy && input.tag.includes(',')) {
      throw new ApiError('bad_request', 'The legacy /v1 API does not accept commas in tags.');
    }
    const params: [string, string][] = [['tag', input.tag]];
    if (legacy) params.push(['action', input.remove ? 'delete' : 'add']);
    const kind = input.remove ? 'tag_deleted' : 'tag_added';
    return this.action({
      action: input.remove ? 'tag.remove' : 'tag.add',
      method: input.remove && !legacy ? 'DELETE' : 'POST',
      conversationId: input.conversationId,
      endpoint: 'tag',
      params,
      fromAdmin: input.fromAdmin,
      kind,
      text: describeSystemPart({ tag: input.tag }, kind),
      meta: { tag: input.tag },
      state: () => {
        const current = this.deps.store.messages.conversation('dashly', input.conversationId)?.tags ?? [];
        const others = current.filter((tag) => tag !== input.tag);
        return { tags: input.remove ? others : [...others, input.tag] };
      },
    });
  }

  /** `settyping`, throttled per conversation; `sent` is false when this call was absorbed. */
  async typing(input: {
    conversationId: string;
    body: string;
    fromAdmin?: string | undefined;
  }): Promise<{ sent: boolean }> {
    this.assertConfigured();
    const path = conversationPath(input.conversationId, 'settyping');
    if (!this.deps.typing.tryAcquire(input.conversationId)) return { sent: false };
    await this.call({
      action: 'typing',
      method: 'POST',
      path,
      params: [
        ['body', input.body],
        ['from_admin', input.fromAdmin ?? this.deps.settings.get('dashly.defaultFromAdmin')],
      ],
      conversationKey: input.conversationId,
      messageId: null,
    });
    return { sent: true };
  }

  /** Aborts calls still in flight (their messages turn `failed`, saying they may have arrived) and waits for them. */
  async stop(): Promise<void> {
    this.shutdown.abort();
    await Promise.allSettled([...this.inflight]);
  }

  private async send(message: Message): Promise<Message> {
    const { store, events } = this.deps;
    const fromAdmin = typeof message.meta.fromAdmin === 'string' ? message.meta.fromAdmin : 'default_admin';
    const randomId = typeof message.meta.randomId === 'string' ? message.meta.randomId : newRandomId();
    let response: DashlyResponse;
    try {
      response = await this.deps.client.request({
        action: 'reply',
        method: 'POST',
        path: conversationPath(message.conversationKey, 'reply'),
        params: [
          ['body', message.text],
          ['type', message.kind],
          ['from_admin', fromAdmin],
          ['random_id', randomId],
        ],
        conversationKey: message.conversationKey,
        messageId: message.id,
        signal: this.shutdown.signal,
      });
    } catch (error) {
      const failure =
        error instanceof DashlyApiError
          ? error
          : new DashlyApiError('network', error instanceof Error ? error.message : String(error));
      const failed = store.transaction(() =>
        store.messages.updateOutgoing(message.id, {
          status: 'failed',
          error: failure.message,
          meta: { callId: failure.details.callId ?? null, apiError: failure.details.apiError ?? null },
        }),
      );
      if (failed) events.emit('message.updated', failed);
      this.emitConversation(message.conversationKey);
      throw toApiError(failure, { messageId: message.id });
    }
    const partId = isRecord(response.data) ? idString(response.data.id) : null;
    const sent = store.transaction(() =>
      store.messages.updateOutgoing(message.id, {
        status: 'sent',
        error: null,
        meta: { callId: response.call.id, ...(partId ? { partId } : {}) },
      }),
    );
    if (!sent) throw notFound(`Sent Dashly message ${message.id}`);
    events.emit('message.updated', sent);
    this.emitConversation(message.conversationKey);
    return sent;
  }

  /** Assign, close, tag: a thread entry for the part Dashly created (its echo links to it). */
  private async action(spec: {
    action: string;
    method: 'POST' | 'DELETE';
    conversationId: string;
    endpoint: string;
    params: [string, string][];
    fromAdmin: string | undefined;
    kind: string;
    text: string;
    meta: Record<string, unknown>;
    state: () => ConversationStatePatch;
  }): Promise<ActionResult> {
    const { store, events } = this.deps;
    this.assertConfigured();
    const path = conversationPath(spec.conversationId, spec.endpoint);
    const fromAdmin = spec.fromAdmin ?? this.deps.settings.get('dashly.defaultFromAdmin');
    const randomId = newRandomId();
    const response = await this.call({
      action: spec.action,
      method: spec.method,
      path,
      params: [...spec.params, ['from_admin', fromAdmin], ['random_id', randomId]],
      conversationKey: spec.conversationId,
      messageId: null,
    });
    const partId = isRecord(response.data) ? idString(response.data.id) : null;
    const message = store.transaction(() => {
      const state = spec.state();
      if (partId === null) {
        // No part was created (e.g. already assigned to that admin); the state holds all the same.
        store.messages.applyState('dashly', spec.conversationId, state);
        return null;
      }
      const id = store.messages.insert(null, {
        provider: 'dashly',
        conversationKey: spec.conversationId,
        direction: 'to_user',
        author: this.author(fromAdmin),
        text: spec.text,
        at: Date.now(),
        kind: spec.kind,
        meta: { ...spec.meta, system: true, partId, randomId, fromAdmin, callId: response.call.id },
        conversationTitle: '',
        state,
        outgoing: { status: 'sent', echoKey: randomId, automatic: false, error: null },
      });
      return store.messages.get(id);
    });
    if (message) events.emit('message.added', message);
    this.emitConversation(spec.conversationId);
    return { changed: partId !== null, message };
  }

  private async call(request: Omit<DashlyRequest, 'signal'>): Promise<DashlyResponse> {
    try {
      return await this.track(this.deps.client.request({ ...request, signal: this.shutdown.signal }));
    } catch (error) {
      throw toApiError(error);
    }
  }

  private assertConfigured(): void {
    if (!this.isConfigured()) {
      throw new ApiError('bad_request', 'No Dashly API token: set dashly.apiToken (settings.update) first.');
    }
  }

  private author(fromAdmin: string): MessageAuthor {
    if (fromAdmin === 'default_admin') return { kind: 'admin', id: null, name: 'default_admin' };
    return { kind: 'admin', id: fromAdmin, name: this.adminName(fromAdmin) };
  }

  private adminName(id: string): string | null {
    return this.deps.store.dashlyAdmins.get(id)?.name ?? null;
  }

  private emitConversation(key: string): void {
    const summary = this.deps.store.messages.conversation('dashly', key);
    if (summary) this.deps.events.emit('conversation.updated', summary);
  }

  private track<T>(promise: Promise<T>): Promise<T> {
    this.inflight.add(promise);
    const forget = () => this.inflight.delete(promise);
    void promise.then(forget, forget);
    return promise;
  }
}
