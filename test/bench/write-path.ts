import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Statement } from 'better-sqlite3';
import { EventBus } from '../../electron/core/events/event-bus.js';
import { emitConversationUpdates } from '../../electron/core/events/conversation-updates.js';
import { parseStored, responseMessages } from '../../electron/core/providers/registry.js';
import type { ReceivedRequest } from '../../electron/core/providers/provider.js';
import { CaptureDeriver } from '../../electron/core/store/capture-deriver.js';
import { startCheckpointer } from '../../electron/core/store/checkpointer.js';
import { CaptureWriter } from '../../electron/core/store/capture-writer.js';
import type { StoredResponse } from '../../electron/core/store/records.js';
import { Store } from '../../electron/core/store/store.js';
import { parsedCapture, unparsedCapture } from './parsed-capture.js';
import { mixedRequest } from './payloads.js';

const ACK_RESPONSE: StoredResponse = {
  status: 200,
  headers: [['Content-Type', 'application/json; charset=utf-8']],
  body: Buffer.from('{}'),
  source: 'ack',
  latencyMs: null,
};

/** One line of the breakdown: what a part of the write path costs per capture, on the main thread. */
export interface WritePathPart {
  part: string;
  microsPerCapture: number;
}

export interface WritePathResult {
  captures: number;
  batch: number;
  parts: WritePathPart[];
  totalMicrosPerCapture: number;
  /** The same captures during a burst: stored as received before the answer, parsed after it. */
  burst: { beforeAnswer: WritePathPart[]; afterAnswer: WritePathPart[] };
}

/** Statement text → the part of the write path it belongs to (first match wins). */
const PARTS: [RegExp, string][] = [
  [/^INSERT INTO captures_fts/u, 'full-text index entry (background batch)'],
  [/^COMMIT/u, 'commit (WAL write of every page touched)'],
  [/^INSERT INTO conversations/u, 'conversation row upsert'],
  [/^INSERT INTO captures /u, 'capture row insert (+ its indexes)'],
  [/^INSERT INTO messages/u, 'message row insert (+ its indexes)'],
  [/^SELECT \* FROM conversations/u, 'conversation read for the live event'],
  [/^INSERT INTO bodies/u, 'body insert'],
  [/^INSERT INTO captures_underived/u, 'queued for parsing (captures_underived)'],
  [/^UPDATE captures SET conversation_key/u, 'capture row filled in (summary, conversation)'],
  [/^DELETE FROM captures_underived/u, 'taken off the parse queue'],
  [/^SELECT c.method, c.path, c.provider/u, 'request read back (not held in memory)'],
  [/^SELECT c.response, c.latency_ms/u, 'request read back (not held in memory)'],
  [/^SELECT c.id, c.received_at/u, 'capture read for the live event'],
];

/**
 * The write path without HTTP: the listener's parser, the group-commit writer, the deferred
 * full-text index and what runs after a commit, on a new store in a temporary folder with the
 * checkpoint worker, fed the ingest section's payloads in batches the size a busy listener commits.
 * Every statement is timed (better-sqlite3 runs them synchronously on this thread), so the table
 * says where an acknowledged webhook's CPU goes; the rest of the writer's time is JavaScript.
 */
export async function benchWritePath(captures = 20_000, batch = 24): Promise<WritePathResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'convoscope-write-path-'));
  const burstDir = fs.mkdtempSync(path.join(os.tmpdir(), 'convoscope-write-path-burst-'));
  const store = Store.open(dir);
  const checkpointer = startCheckpointer(store.db);
  const sqlMicros = new Map<string, number>();
  const proto = Object.getPrototypeOf(store.db.prepare('SELECT 1')) as Record<string, unknown>;
  const originals = new Map<string, unknown>();
  for (const method of ['run', 'get', 'all']) {
    const original = proto[method] as (this: Statement, ...args: unknown[]) => unknown;
    originals.set(method, original);
    proto[method] = function timed(this: Statement, ...args: unknown[]) {
      const started = performance.now();
      try {
        return original.apply(this, args);
      } finally {
        const text = this.source.trim().replace(/\s+/gu, ' ');
        const part = PARTS.find(([pattern]) => pattern.test(text))?.[1] ?? 'other statements';
        sqlMicros.set(part, (sqlMicros.get(part) ?? 0) + (performance.now() - started) * 1000);
      }
    };
  }
  const requests = Array.from({ length: captures }, (_, index) => received(index));
  const takeSql = (): Map<string, number> => {
    const taken = new Map(sqlMicros);
    sqlMicros.clear();
    return taken;
  };
  try {
    // A quiet listener: every capture parsed before its batch is committed and answered.
    const events = new EventBus();
    const writer = benchWriter(store, events);
    let parseMicros = 0;
    let writerMicros = 0;
    for (let start = 0; start < captures; start += batch) {
      const parseStarted = performance.now();
      for (let index = start; index < Math.min(captures, start + batch); index++) {
        const capture = parsedCapture(requests[index]!, { response: () => ACK_RESPONSE, viaTunnel: false });
        void writer.insert(capture);
      }
      const writeStarted = performance.now();
      writer.flush();
      parseMicros += (writeStarted - parseStarted) * 1000;
      writerMicros += (performance.now() - writeStarted) * 1000;
    }
    const indexStarted = performance.now();
    store.captures.fts.catchUp();
    writerMicros += (performance.now() - indexStarted) * 1000;
    const quietSql = takeSql();
    const parts = [
      ...partsOf(quietSql, captures),
      { part: 'parse and classify the payload', microsPerCapture: parseMicros / captures },
      {
        part: 'writer JavaScript (binding values, summaries, events)',
        microsPerCapture: Math.max(0, writerMicros - sum(quietSql)) / captures,
      },
    ].sort((a, b) => b.microsPerCapture - a.microsPerCapture);
    writer.close();

    // The same captures during a burst, on a store of their own: stored as received before the
    // answer, parsed by the capture deriver after it.
    const burstStore = Store.open(burstDir);
    try {
      const deriver = new CaptureDeriver({
        store: burstStore,
        parse: parseStored,
        responseMessages,
        onDerived: (derived) => emitConversationUpdates(burstStore, events, derived),
        onError: (error) => {
          throw error;
        },
        // Every commit counts as busy, as in a flood.
        slices: { busyCount: 0 },
      });
      const burstWriter = benchWriter(burstStore, events, deriver);
      let beforeMicros = 0;
      for (let start = 0; start < captures; start += batch) {
        const started = performance.now();
        for (let index = start; index < Math.min(captures, start + batch); index++)
          void burstWriter.insert(unparsedCapture(requests[index]!, ACK_RESPONSE));
        burstWriter.flush();
        beforeMicros += (performance.now() - started) * 1000;
      }
      const beforeSql = takeSql();
      const afterStarted = performance.now();
      deriver.catchUp(Infinity);
      burstStore.captures.fts.catchUp();
      const afterMicros = (performance.now() - afterStarted) * 1000;
      const afterSql = takeSql();
      burstWriter.close();
      deriver.close();
      const withJs = (sql: Map<string, number>, micros: number, js: string): WritePathPart[] =>
        [
          ...partsOf(sql, captures),
          { part: js, microsPerCapture: Math.max(0, micros - sum(sql)) / captures },
        ].sort((a, b) => b.microsPerCapture - a.microsPerCapture);
      return {
        captures,
        batch,
        parts,
        totalMicrosPerCapture: (parseMicros + writerMicros) / captures,
        burst: {
          beforeAnswer: withJs(beforeSql, beforeMicros, 'writer JavaScript (classify, bind values, events)'),
          afterAnswer: withJs(afterSql, afterMicros, 'parse and deriver JavaScript'),
        },
      };
    } finally {
      burstStore.close();
    }
  } finally {
    for (const [method, original] of originals) proto[method] = original;
    await checkpointer.close();
    store.close();
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(burstDir, { recursive: true, force: true });
  }
}

/** The ingest payload `index` as the listener receives it. */
function received(index: number): ReceivedRequest {
  const request = mixedRequest(index);
  const body = Buffer.from(request.body);
  return {
    method: 'POST',
    path: `${request.path}?seq=${index}`,
    pathname: request.path,
    headers: [
      ['Host', '127.0.0.1'],
      ...Object.entries(request.headers),
      ['Content-Length', String(body.length)],
    ],
    body,
    complete: true,
    receivedAt: Date.now(),
  };
}

function partsOf(sql: Map<string, number>, captures: number): WritePathPart[] {
  return [...sql].map(([part, micros]) => ({ part, microsPerCapture: micros / captures }));
}

function sum(sql: Map<string, number>): number {
  return [...sql.values()].reduce((total, micros) => total + micros, 0);
}

/** The app's writer on a bench store: conversation events after each commit, errors thrown. */
function benchWriter(store: Store, events: EventBus, parsing: CaptureDeriver | null = null): CaptureWriter {
  return new CaptureWriter(
    store,
    (added) => emitConversationUpdates(store, events, added),
    (error) => {
      throw error;
    },
    responseMessages,
    parsing,
  );
}
