import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Database } from 'better-sqlite3';

/**
 * WAL checkpoints in a worker thread. SQLite normally checkpoints inside the commit that crosses
 * 1000 WAL pages: that commit then copies ~4 MB into the database and syncs it, on the event loop,
 * while webhooks wait. Here the main connection never checkpoints; a worker with its own
 * connection runs PASSIVE checkpoints (which never block the writer) when the WAL has grown.
 * Durability is unchanged: commits are in the WAL either way. If the worker cannot run, the
 * main connection goes back to SQLite's automatic checkpoints.
 */
export interface Checkpointer {
  close(): Promise<void>;
}

/** Pages of WAL after which the worker checkpoints (SQLite's own default is 1000). */
const WAL_PAGES = 1000;
const POLL_MS = 100;

// CommonJS, evaluated in the worker; better-sqlite3 is loaded from the path the main thread resolved.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const Database = require(workerData.modulePath);
const db = new Database(workerData.file, workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {});
db.pragma('busy_timeout = 0');
const walFile = workerData.file + '-wal';
const threshold = workerData.walPages * 4096;
let lastSize = 0;
const timer = setInterval(() => {
  let size = 0;
  try { size = fs.statSync(walFile).size; } catch { return; }
  // The WAL file is reused from its start after a complete checkpoint, so its size alone does not
  // say how much is new; checkpoint whenever it is big or grew.
  if (size < threshold && size === lastSize) return;
  lastSize = size;
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch { /* busy or failing: the next tick tries again */ }
}, workerData.pollMs);
parentPort.on('message', (message) => {
  if (message !== 'close') return;
  clearInterval(timer);
  try { db.close(); } catch {}
  parentPort.postMessage('closed');
});
`;

function resolveSqliteModule(): string {
  // The CommonJS desktop bundle has __filename; in serve mode the entry script lies in this package.
  const base = typeof __filename === 'string' ? __filename : (process.argv[1] ?? `${process.cwd()}/`);
  return createRequire(base).resolve('better-sqlite3');
}

export function startCheckpointer(
  db: Database,
  options: { nativeBinding?: string; log?: (line: string) => void } = {},
): Checkpointer {
  const fallback = () => {
    if (db.open) db.pragma(`wal_autocheckpoint = ${WAL_PAGES}`);
  };
  let worker: Worker;
  try {
    worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        modulePath: resolveSqliteModule(),
        file: db.name,
        nativeBinding: options.nativeBinding ?? null,
        walPages: WAL_PAGES,
        pollMs: POLL_MS,
      },
    });
  } catch (error) {
    options.log?.(`WAL checkpoints stay on the main thread: ${(error as Error).message}`);
    return { close: () => Promise.resolve() };
  }
  db.pragma('wal_autocheckpoint = 0');
  let closed = false;
  worker.unref();
  worker.on('error', (error) => {
    options.log?.(
      `The checkpoint worker failed (${error.message}); checkpoints are back on the main thread.`,
    );
    fallback();
  });
  return {
    close() {
      if (closed) return Promise.resolve();
      closed = true;
      fallback();
      return new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          void worker.terminate().then(() => resolve());
        }, 2000);
        worker.once('message', () => {
          clearTimeout(timer);
          void worker.terminate().then(() => resolve());
        });
        worker.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        worker.postMessage('close');
      });
    },
  };
}
