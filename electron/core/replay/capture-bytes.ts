import type { CaptureExportRecord } from '../store/capture-repository.js';

/**
 * A capture as a file carries it: the request exactly as received and the response sent, and the
 * user's star and note when the file has them.
 */
export type CaptureBytes = Omit<CaptureExportRecord, 'id' | 'provider' | 'origin' | 'starred' | 'note'> & {
  starred?: boolean;
  note?: string | null;
};

/** An import problem at one line or entry; the rest of the file is still imported. */
export class ImportProblem extends Error {}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/u;

/** Strict base64 (Buffer.from would silently skip bad characters and lose bytes). */
export function decodeBase64Strict(text: string, what: string): Buffer {
  const clean = text.replace(/\s+/gu, '');
  if (clean.length % 4 === 1 || !BASE64.test(clean)) throw new ImportProblem(`${what} is not valid base64.`);
  return Buffer.from(clean, 'base64');
}
