import net from 'node:net';

/** A raw TCP connection to a listener URL, for requests no HTTP client would send. */
export interface RawConnection {
  socket: net.Socket;
  /** Everything the server sent so far. */
  received: () => string;
  /** Resolves when the server (or anyone) closed the connection. */
  closed: Promise<void>;
  isClosed: () => boolean;
  write: (data: string | Buffer) => void;
  destroy: () => void;
}

export function connectRaw(url: string): Promise<RawConnection> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(target.port), target.hostname);
    let data = '';
    let isClosed = false;
    socket.on('data', (chunk: Buffer) => (data += chunk.toString('latin1')));
    const closed = new Promise<void>((done) =>
      socket.once('close', () => {
        isClosed = true;
        done();
      }),
    );
    socket.on('error', () => {
      // Resets are expected in these tests; `closed` reports the end.
    });
    socket.once('connect', () =>
      resolve({
        socket,
        received: () => data,
        closed,
        isClosed: () => isClosed,
        write: (chunk) => {
          if (!socket.destroyed) socket.write(chunk);
        },
        destroy: () => socket.destroy(),
      }),
    );
    socket.once('error', reject);
    socket.setTimeout(30_000, () => socket.destroy());
  });
}

/** Waits for `ms`; for pacing slow senders, never for asserting durations. */
export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
