import net from 'node:net';

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** The first port from `start` upwards that nothing listens on (127.0.0.1), within `span` tries. */
export async function nextFreePort(start: number, span = 50): Promise<number | null> {
  for (let port = start; port < Math.min(65536, start + span); port++) {
    if (await portFree(port)) return port;
  }
  return null;
}
