/**
 * A faithful fake of the Dashly Web API (docs/dashly.md §5–§6) on a loopback port, for tests.
 * It checks what the real API checks: the token (`Authorization: Token|Bearer`, or `auth_token`,
 * which the legacy `/v1` API requires), form encoding, required and well-formed parameters; it
 * answers the documented `{meta, data}` envelopes and errors with 64-bit ids (as strings only when
 * `id_as_string` is true); it records every request; and it can post the echo webhook (a
 * form-encoded ConversationPart with the same `random_id`, Dashly's User-Agent) to a listener.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { LosslessNumber, stringify } from 'lossless-json';
import { httpRequest, type HttpResult } from './http.js';

export interface FakeDashlyOptions {
  /** The token with every scope. */
  token: string;
  /** A token without `conversations-write`: write calls answer PermissionDenied. */
  readOnlyToken?: string;
  /** Replies longer than this answer ReplyTooBig. */
  maxReplyLength?: number;
  /** Admins by id, for the `from` and `assignee` objects; `default_admin` resolves to the first. */
  admins?: Record<string, string>;
  /** Where echo webhooks go, and the webhook `token` they carry. */
  webhook?: { url: string; token: string };
  /** Post the echo webhook of every message part as soon as the API call is answered. */
  autoEcho?: boolean;
}

export interface ReceivedCall {
  method: string;
  /** Path and query as received (contains `auth_token` when the client sent it there). */
  url: string;
  /** Path without the `/v1` prefix and the query. */
  route: string;
  legacy: boolean;
  headers: http.IncomingHttpHeaders;
  contentType: string | null;
  /** Form fields of the body, in order. */
  form: [string, string][];
  /** Query parameters, in order. */
  query: [string, string][];
  /** How the token was presented, if at all. */
  auth: 'header' | 'query' | 'form' | null;
  /** The HTTP status the fake answered. */
  status: number;
  error: string | null;
}

export interface FakePart {
  id: bigint;
  conversationId: string;
  randomId: string;
  type: string;
  body: string;
  fromAdminId: string;
  tag?: string;
  assigneeId?: string | null;
}

interface Failure {
  status: number;
  error: string;
  message: string;
}

class FakeApiError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    message: string,
  ) {
    super(message);
  }
}

const DEFAULT_ADMINS = { '111': 'inkov', '912': 'Angel Helen' };
const UINT32_MAX = 4294967295;
/** Part ids start above 2^53, so a client that parses them as JSON numbers loses them. */
const FIRST_PART_ID = 9007199254740993n;

function truthy(value: string | null): boolean {
  if (value === null) return false;
  return !['', '0', 'false'].includes(value.trim().toLowerCase());
}

export class FakeDashlyApi {
  readonly received: ReceivedCall[] = [];
  readonly parts: FakePart[] = [];
  readonly tags = new Map<string, Set<string>>();
  readonly assignees = new Map<string, string | null>();
  readonly closed = new Set<string>();
  private readonly failures: Failure[] = [];
  private hangs = 0;
  private readonly hanging = new Set<http.ServerResponse>();
  private readonly echoes = new Set<Promise<unknown>>();
  private nextPartId = FIRST_PART_ID;
  private nextGroupId = 345n;
  private readonly admins: Record<string, string>;

  private constructor(
    private readonly server: http.Server,
    readonly url: string,
    private readonly options: FakeDashlyOptions,
  ) {
    this.admins = options.admins ?? DEFAULT_ADMINS;
  }

  static async start(options: FakeDashlyOptions): Promise<FakeDashlyApi> {
    let fake: FakeDashlyApi | null = null;
    const server = http.createServer((req, res) => {
      void fake?.handle(req, res);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    fake = new FakeDashlyApi(server, `http://127.0.0.1:${port}`, options);
    return fake;
  }

  /** The legacy base URL. */
  get legacyUrl(): string {
    return `${this.url}/v1`;
  }

  /** The next request answers this error (after auth passed), whatever it asked. */
  failNext(failure: Failure): void {
    this.failures.push(failure);
  }

  /** The next request gets no answer at all (the client must time out). */
  hangNext(): void {
    this.hangs++;
  }

  /** Calls to one route kind, e.g. `reply`, `tag`. */
  callsTo(endpoint: string): ReceivedCall[] {
    return this.received.filter((call) => call.route.endsWith(`/${endpoint}`));
  }

  /** Waits until a call matching `predicate` was answered, polling; fails after `timeoutMs`. */
  async waitForCall(predicate: (call: ReceivedCall) => boolean, timeoutMs = 5000): Promise<ReceivedCall> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.received.find(predicate);
      if (found) return found;
      if (Date.now() > deadline) throw new Error('The fake Dashly API did not receive the expected call.');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** Posts the echo webhook of a part (found by random_id) to the configured listener URL. */
  echo(randomId: string, overrides: { token?: string } = {}): Promise<HttpResult> {
    const part = this.parts.find((candidate) => candidate.randomId === randomId);
    if (!part) throw new Error(`No part with random_id ${randomId}.`);
    return this.postWebhook(this.webhookPartJson(part), overrides.token);
  }

  /** Waits for every echo posted automatically so far. */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.echoes]);
  }

  /** The webhook body of a part, as Dashly sends it: JSON numbers for ids (64-bit ones too). */
  webhookPartJson(part: FakePart): string {
    const tags = [...(this.tags.get(part.conversationId) ?? [])];
    const assigneeId = this.assignees.get(part.conversationId) ?? null;
    return stringify({
      direction: 'a2u',
      conversation_closed: this.closed.has(part.conversationId),
      conversation_tags: tags,
      type: part.type,
      id: new LosslessNumber(part.id.toString()),
      body: part.body,
      assignee: assigneeId === null ? null : this.adminObject(assigneeId, false),
      sent_via: 'web_panel',
      created: Math.floor(Date.now() / 1000),
      random_id: new LosslessNumber(part.randomId),
      conversation: new LosslessNumber(part.conversationId),
      from: this.adminObject(part.fromAdminId, false),
      ...(part.tag === undefined ? {} : { tag: part.tag }),
    })!;
  }

  /** Posts any webhook form to the listener, like Dashly does. */
  postWebhook(conversationJson: string, token?: string): Promise<HttpResult> {
    const webhook = this.options.webhook;
    if (!webhook) throw new Error('The fake has no webhook URL.');
    return httpRequest(webhook.url, {
      method: 'POST',
      headers: {
        'User-Agent': 'Dashly Webhook 1.0',
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({
        conversation: conversationJson,
        type: 'conversation',
        token: token ?? webhook.token,
      }).toString(),
    });
  }

  async stop(): Promise<void> {
    await this.settled();
    for (const res of this.hanging) res.destroy();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const target = new URL(req.url ?? '/', this.url);
    const legacy = target.pathname === '/v1' || target.pathname.startsWith('/v1/');
    const route = legacy ? target.pathname.slice(3) : target.pathname;
    const contentType = req.headers['content-type'] ?? null;
    const isForm = contentType !== null && /^application\/x-www-form-urlencoded\b/iu.test(contentType);
    const form = isForm ? [...new URLSearchParams(raw)] : [];
    const call: ReceivedCall = {
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      route,
      legacy,
      headers: req.headers,
      contentType,
      form,
      query: [...target.searchParams],
      auth: null,
      status: 0,
      error: null,
    };
    this.received.push(call);

    if (this.hangs > 0) {
      this.hangs--;
      this.hanging.add(res);
      return;
    }
    const params = new URLSearchParams([...call.query, ...form]);
    const idAsString = truthy(params.get('id_as_string'));
    try {
      const data = this.route(call, params, raw, isForm, idAsString);
      this.answer(res, call, 200, { meta: { status: 200 }, data });
    } catch (error) {
      if (!(error instanceof FakeApiError)) throw error;
      call.error = error.error;
      this.answer(res, call, error.status, {
        meta: { status: error.status, error: error.error, error_message: error.message },
        data: {},
      });
    }
  }

  private answer(res: http.ServerResponse, call: ReceivedCall, status: number, body: unknown): void {
    call.status = status;
    const text = stringify(body)!;
    res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
    res.end(text);
  }

  private route(
    call: ReceivedCall,
    params: URLSearchParams,
    raw: string,
    isForm: boolean,
    idAsString: boolean,
  ): unknown {
    const match = /^\/conversations\/([^/]+)\/(reply|assign|close|tag|settyping)$/u.exec(call.route);
    if (!match) throw new FakeApiError(404, 'LookupError', 'Not found');
    const conversationId = decodeURIComponent(match[1]!);
    const endpoint = match[2]!;
    const allowed = endpoint === 'tag' && !call.legacy ? ['POST', 'DELETE'] : ['POST'];
    if (!allowed.includes(call.method)) throw new FakeApiError(405, 'MethodNotAllowed', 'Method not allowed');

    this.authenticate(call);
    if (raw.length > 0 && !isForm) {
      throw new FakeApiError(
        400,
        'BadRequest',
        'Parameters must be form-encoded (application/x-www-form-urlencoded)',
      );
    }
    const injected = this.failures.shift();
    if (injected) throw new FakeApiError(injected.status, injected.error, injected.message);
    if (!/^\d{1,20}$/u.test(conversationId))
      throw new FakeApiError(404, 'LookupError', 'Conversation not found');

    const randomId = this.randomId(params);
    const fromAdmin = this.fromAdmin(params);
    switch (endpoint) {
      case 'reply':
        return this.reply(call, params, conversationId, randomId, fromAdmin, idAsString);
      case 'assign':
        return this.assign(params, conversationId, randomId, fromAdmin, idAsString);
      case 'close': {
        this.closed.add(conversationId);
        return this.partRef(this.addPart(conversationId, randomId, 'closed', '', fromAdmin), idAsString);
      }
      case 'tag':
        return this.tag(call, params, conversationId, randomId, fromAdmin, idAsString);
      default:
        if (params.get('from_admin') === null && params.get('from_user') === null) {
          throw new FakeApiError(400, 'BadRequest', 'from_admin or from_user is required');
        }
        return {};
    }
  }

  private authenticate(call: ReceivedCall): void {
    const header = call.headers.authorization;
    const fromHeader = header ? (/^(?:Token|Bearer) (.+)$/u.exec(header)?.[1] ?? null) : null;
    const inQuery = call.query.find(([name]) => name === 'auth_token')?.[1] ?? null;
    const inForm = call.form.find(([name]) => name === 'auth_token')?.[1] ?? null;
    const param = inQuery ?? inForm;
    if (call.legacy && param === null) {
      throw new FakeApiError(401, 'AuthenticationFailed', 'The auth_token parameter is required');
    }
    const presented = param ?? fromHeader;
    call.auth =
      param !== null ? (inQuery !== null ? 'query' : 'form') : fromHeader !== null ? 'header' : null;
    if (presented === null)
      throw new FakeApiError(401, 'AuthenticationFailed', 'Authentication credentials were not provided');
    if (presented === this.options.readOnlyToken) {
      throw new FakeApiError(403, 'PermissionDenied', 'The token lacks the conversations-write scope');
    }
    if (presented !== this.options.token)
      throw new FakeApiError(401, 'AuthenticationFailed', 'Invalid token');
  }

  private randomId(params: URLSearchParams): string {
    const value = params.get('random_id');
    if (value === null) return '0';
    if (!/^\d{1,10}$/u.test(value) || Number(value) > UINT32_MAX) {
      throw new FakeApiError(400, 'BadRequest', 'random_id must be a 32-bit integer');
    }
    return value;
  }

  private fromAdmin(params: URLSearchParams): string {
    const value = params.get('from_admin');
    if (value === null || value === 'default_admin') return Object.keys(this.admins)[0] ?? '1';
    if (!/^\d{1,20}$/u.test(value))
      throw new FakeApiError(400, 'BadRequest', 'from_admin must be an admin id or default_admin');
    if (!(value in this.admins)) throw new FakeApiError(400, 'LookupError', `Admin ${value} not found`);
    return value;
  }

  private reply(
    call: ReceivedCall,
    params: URLSearchParams,
    conversationId: string,
    randomId: string,
    fromAdmin: string,
    idAsString: boolean,
  ): unknown {
    const body = params.get('body');
    if (call.legacy && (body === null || body === ''))
      throw new FakeApiError(400, 'BadRequest', 'body is required');
    const type = params.get('type') ?? 'reply_admin';
    const types = call.legacy ? ['reply_admin', 'note'] : ['reply_admin', 'note', 'article'];
    if (!types.includes(type)) throw new FakeApiError(400, 'BadRequest', `Unknown type ${type}`);
    if ((body ?? '').length > (this.options.maxReplyLength ?? 5000)) {
      throw new FakeApiError(400, 'ReplyTooBig', 'Reply is too big');
    }
    const part = this.addPart(conversationId, randomId, type, body ?? '', fromAdmin);
    if (this.options.autoEcho && this.options.webhook) {
      const posting = this.echo(part.randomId);
      this.echoes.add(posting);
      void posting.catch(() => undefined).finally(() => this.echoes.delete(posting));
    }
    return {
      id: this.id(part.id, idAsString),
      created: Math.floor(Date.now() / 1000),
      conversation: this.id(conversationId, idAsString),
      part_group: this.id(this.nextGroupId++, idAsString),
      body: part.body,
      type,
      direction: 'a2u',
      random_id: Number(randomId),
      from: this.adminObject(fromAdmin, idAsString),
    };
  }

  private assign(
    params: URLSearchParams,
    conversationId: string,
    randomId: string,
    fromAdmin: string,
    idAsString: boolean,
  ): unknown {
    const admin = params.get('admin');
    if (admin === null) throw new FakeApiError(400, 'BadRequest', 'admin is required');
    if (admin !== '' && !(admin in this.admins))
      throw new FakeApiError(400, 'LookupError', `Admin ${admin} not found`);
    const next = admin === '' ? null : admin;
    if ((this.assignees.get(conversationId) ?? null) === next) return {};
    this.assignees.set(conversationId, next);
    const part = this.addPart(conversationId, randomId, 'assigned', '', fromAdmin);
    part.assigneeId = next;
    return this.partRef(part, idAsString);
  }

  private tag(
    call: ReceivedCall,
    params: URLSearchParams,
    conversationId: string,
    randomId: string,
    fromAdmin: string,
    idAsString: boolean,
  ): unknown {
    const tag = params.get('tag');
    if (tag === null || tag.length < 1 || tag.length > 255) {
      throw new FakeApiError(400, 'BadRequest', 'tag must be 1 to 255 characters');
    }
    const action = params.get('action');
    if (call.legacy) {
      if (action !== 'add' && action !== 'delete')
        throw new FakeApiError(400, 'BadRequest', 'action must be add or delete');
      if (tag.includes(',')) throw new FakeApiError(400, 'BadRequest', 'Tags must not contain commas');
    }
    const remove = call.method === 'DELETE' || action === 'delete';
    const tags = this.tags.get(conversationId) ?? new Set<string>();
    this.tags.set(conversationId, tags);
    if (remove && !tags.has(tag)) {
      if (call.legacy) return {};
      throw new FakeApiError(400, 'ConversationTagIsNotAssigned', `Tag ${tag} is not assigned`);
    }
    if (!remove && tags.has(tag)) {
      if (call.legacy) return {};
      throw new FakeApiError(400, 'ConversationTagAlreadyAssigned', `Tag ${tag} is already assigned`);
    }
    if (remove) tags.delete(tag);
    else tags.add(tag);
    const part = this.addPart(conversationId, randomId, remove ? 'tag_deleted' : 'tag_added', '', fromAdmin);
    part.tag = tag;
    // The legacy API answers 200 with empty data either way.
    return call.legacy ? {} : this.partRef(part, idAsString);
  }

  private addPart(
    conversationId: string,
    randomId: string,
    type: string,
    body: string,
    fromAdminId: string,
  ): FakePart {
    const part: FakePart = { id: this.nextPartId++, conversationId, randomId, type, body, fromAdminId };
    this.parts.push(part);
    return part;
  }

  private partRef(part: FakePart, idAsString: boolean): unknown {
    return { id: this.id(part.id, idAsString), part_group: this.id(this.nextGroupId++, idAsString) };
  }

  private adminObject(id: string, idAsString: boolean): unknown {
    return {
      type: 'admin',
      id: this.id(id, idAsString),
      name: this.admins[id] ?? `Admin ${id}`,
      avatar: 'https://files.dashly.io/avatars/default-v2.png',
    };
  }

  private id(value: bigint | string, idAsString: boolean): unknown {
    const text = value.toString();
    return idAsString ? text : new LosslessNumber(text);
  }
}
