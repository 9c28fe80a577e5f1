import type { StoreProblem } from '../../../shared/model/health.js';

/** The SQLite or system error code of a failed store operation, if it has one. */
export function errorCode(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : null;
}

/** True for errors that mean the file is not a usable SQLite database. */
export function isCorruption(error: unknown): boolean {
  const code = errorCode(error) ?? '';
  return code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB';
}

/**
 * Turns a failed write into a problem class and a message that says what to do. The message is
 * shown in the UI and written to the log, so it never contains payload text.
 */
export function classifyStoreError(error: unknown): { problem: StoreProblem; message: string } {
  const code = errorCode(error) ?? '';
  if (code === 'SQLITE_FULL' || code === 'ENOSPC')
    return {
      problem: 'disk_full',
      message:
        'The disk holding the database is full. Free some space (or lower the retention limits); webhooks are answered 503 until a write succeeds, and Convoscope retries by itself.',
    };
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
    return {
      problem: 'locked',
      message:
        'Another program holds a write lock on the database (a database tool with an open transaction, or a second Convoscope on the same data folder). Close it; webhooks are answered 503 until then, and Convoscope retries by itself.',
    };
  if (code.startsWith('SQLITE_READONLY') || code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
    return {
      problem: 'read_only',
      message:
        'The database cannot be written (read-only file, folder or disk, or missing permissions). Fix the permissions of the data folder; webhooks are answered 503 until then, and Convoscope retries by itself.',
    };
  if (isCorruption(error))
    return {
      problem: 'corrupt',
      message:
        'The database file is damaged. Restart Convoscope: it moves the damaged file aside (keeping it for inspection) and starts a new one. Webhooks are answered 503 until then.',
    };
  if (code.startsWith('SQLITE_IOERR') || code === 'SQLITE_CANTOPEN' || code === 'EIO')
    return {
      problem: 'io_error',
      message:
        'The disk reported an error while writing the database (a removed drive, a failing disk or a full quota). Webhooks are answered 503 until a write succeeds; Convoscope retries by itself.',
    };
  const detail = error instanceof Error ? error.message : String(error);
  return { problem: 'other', message: `The database refused a write: ${detail.slice(0, 300)}` };
}

/**
 * A one-line explanation of why the store could not be opened at start, naming the folder, or
 * null when the error is not about the store's files (the caller shows the error itself).
 */
export function storeOpenProblem(error: unknown, dataDir: string): string | null {
  const code = errorCode(error) ?? '';
  const detail = error instanceof Error ? error.message : String(error);
  if (code === 'SQLITE_CANTOPEN' || code === 'ENOTDIR' || code === 'EISDIR' || code === 'ENOENT')
    return `the database in ${dataDir} cannot be opened (${detail}). Check that the folder exists, is a folder, and that convoscope.db is a file; or choose another folder with --data-dir.`;
  if (code.startsWith('SQLITE_READONLY') || code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
    return `the database in ${dataDir} cannot be written (${detail}). Give your user write access to the folder and its files, or choose another folder with --data-dir.`;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC')
    return `the disk holding ${dataDir} is full (${detail}). Free some space and start again.`;
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
    return `the database in ${dataDir} is locked by another program (${detail}). Close it and start again.`;
  return null;
}
