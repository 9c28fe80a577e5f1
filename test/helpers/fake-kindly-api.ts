import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the fake received, as it arrived. */
export interface FakeKindlyRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface FakeKindlyApiOptions {
  /** Bot API key ("Read chats" scope): opens the Chat Transcript API. */
  botKey: string;
  /** Application API key: opens `/api/v1/send`. */
  appKey: string;
  /** Transcripts by chat id, answered as JSON. */
  chats?: Record<string, unknown>;
}

export interface FakeKindlyApi {
  readonly url: string;
  readonly requests: FakeKindlyRequest[];
  readonly chats: Map<string, unknown>;
  /** Which name the send answer uses for the new message id (Kindly's docs show both). */
  sendIdField: 'chatmessage_id' | 'reply_to_id';
  /** When true, requests are accepted but never answered (for timeouts). */
  hang: boolean;
  stop(): Promise<void>;
}

const json = (res: http.ServerResponse, status: number, body: unknown): void => {
  const data = Buffer.from(JSON.stringify(body));
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': data.length });
  res.end(data);
};

/**
 * A stand-in for Kindly's REST APIs on 127.0.0.1 (docs/kindly.md §6, §7), checking what Kindly
 * checks: a bearer key, and the right key for each API (a Bot API key reads chats, an application
 * key sends); JSON with `user_id`, `message` and `language_code` for send. Kindly does not document
 * its error bodies; the fake answers in the `{"detail": …}` shape of its REST framework.
 */
export async function startFakeKindlyApi(options: FakeKindlyApiOptions): Promise<FakeKindlyApi> {
  const requests: FakeKindlyRequest[] = [];
  const chats = new Map(Object.entries(options.chats ?? {}));
  let sequence = 0;

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const path = req.url ?? '/';
      requests.push({ method: req.method ?? '', path, headers: req.headers, body });
      if (fake.hang) return;

      const auth = /^Bearer (\S+)$/u.exec(req.headers.authorization ?? '')?.[1];
      if (!auth) {
        json(res, 401, { detail: 'Authentication credentials were not provided.' });
        return;
      }
      if (auth !== options.botKey && auth !== options.appKey) {
        json(res, 401, { detail: 'Invalid token.' });
        return;
      }

      const chat = /^\/api\/v1\/chats\/([^/?]+)\/?$/u.exec(path);
      if (chat) {
        if (req.method !== 'GET') {
          json(res, 405, { detail: `Method "${req.method}" not allowed.` });
          return;
        }
        if (auth !== options.botKey) {
          json(res, 403, { detail: 'You do not have permission to perform this action.' });
          return;
        }
        const transcript = chats.get(decodeURIComponent(chat[1] ?? ''));
        if (transcript === undefined) json(res, 404, { detail: 'Not found.' });
        else json(res, 200, transcript);
        return;
      }

      if (path === '/api/v1/send') {
        if (req.method !== 'POST') {
          json(res, 405, { detail: `Method "${req.method}" not allowed.` });
          return;
        }
        if (auth !== options.appKey) {
          json(res, 403, { detail: 'You do not have permission to perform this action.' });
          return;
        }
        if (!/^application\/json\b/u.test(req.headers['content-type'] ?? '')) {
          json(res, 415, {
            detail: `Unsupported media type "${req.headers['content-type'] ?? ''}" in request.`,
          });
          return;
        }
        let payload: unknown;
        try {
          payload = JSON.parse(body);
        } catch {
          json(res, 400, { detail: 'JSON parse error.' });
          return;
        }
        const fields = (typeof payload === 'object' && payload !== null ? payload : {}) as Record<
          string,
          unknown
        >;
        const problems: Record<string, string[]> = {};
        for (const key of ['user_id', 'message', 'language_code']) {
          if (typeof fields[key] !== 'string' || fields[key] === '')
            problems[key] = ['This field is required.'];
        }
        if (fields.exchange_id !== undefined && typeof fields.exchange_id !== 'string') {
          problems.exchange_id = ['Must be a valid UUID.'];
        }
        if (Object.keys(problems).length > 0) {
          json(res, 400, problems);
          return;
        }
        sequence += 1;
        json(res, 200, { [fake.sendIdField]: `5f3c9a${String(sequence).padStart(18, '0')}` });
        return;
      }
      json(res, 404, { detail: 'Not found.' });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const fake: FakeKindlyApi = {
    url: `http://127.0.0.1:${port}`,
    requests,
    chats,
    sendIdField: 'chatmessage_id',
    hang: false,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  return fake;
}
