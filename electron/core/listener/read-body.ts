import type { IncomingMessage } from 'node:http';

export const OVERSIZE_PREFIX_BYTES = 64 * 1024;
/** How much of an oversized body is drained (and discarded) before the connection is cut. */
const DRAIN_LIMIT_BYTES = 64 * 1024 * 1024;

export type BodyOutcome =
  | { kind: 'complete'; body: Buffer }
  | { kind: 'too-large'; prefix: Buffer; size: number }
  | { kind: 'aborted'; prefix: Buffer; size: number };

/**
 * Reads a request body, keeping at most `limit` bytes. Past the limit only the first 64 KiB are
 * kept, the rest is counted and discarded, so memory stays bounded whatever the sender does.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<BodyOutcome> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let kept = 0;
    let tooLarge = false;
    let settled = false;
    const declared = Number(req.headers['content-length']);

    const finish = (outcome: BodyOutcome) => {
      if (settled) return;
      settled = true;
      resolve(outcome);
    };
    const prefix = () => {
      const all = Buffer.concat(chunks);
      return all.length > OVERSIZE_PREFIX_BYTES ? all.subarray(0, OVERSIZE_PREFIX_BYTES) : all;
    };

    if (Number.isFinite(declared) && declared > limit) tooLarge = true;

    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (!tooLarge && size > limit) {
        tooLarge = true;
        const head = prefix();
        chunks.length = 0;
        chunks.push(head);
        kept = head.length;
      }
      if (!tooLarge) {
        chunks.push(chunk);
        kept += chunk.length;
      } else if (kept < OVERSIZE_PREFIX_BYTES) {
        const part = chunk.subarray(0, OVERSIZE_PREFIX_BYTES - kept);
        chunks.push(part);
        kept += part.length;
      }
      if (tooLarge && size > limit + DRAIN_LIMIT_BYTES) {
        finish({
          kind: 'too-large',
          prefix: prefix(),
          size: Math.max(size, Number.isFinite(declared) ? declared : 0),
        });
        req.destroy();
      }
    });
    req.on('end', () => {
      if (tooLarge)
        finish({
          kind: 'too-large',
          prefix: prefix(),
          size: Math.max(size, Number.isFinite(declared) ? declared : 0),
        });
      else finish({ kind: 'complete', body: Buffer.concat(chunks, kept) });
    });
    req.on('error', () => finish({ kind: 'aborted', prefix: prefix(), size }));
    req.on('close', () => {
      if (!req.complete) finish({ kind: 'aborted', prefix: prefix(), size });
    });
  });
}
