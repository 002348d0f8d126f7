import { createServer } from 'node:net';

/**
 * Asks the OS for a free TCP port on 127.0.0.1 (bind to port 0, read it back, close).
 * There is an unavoidable race between closing and re-binding; prefer binding the real
 * server to port 0 directly (as FakeConnector does) and use this only when a port
 * number must be known before the server starts (e.g. to build a config).
 */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, host, () => {
      const address = srv.address();
      if (address === null || typeof address === 'string') {
        srv.close(() => reject(new Error(`freePort: unexpected address ${String(address)}`)));
        return;
      }
      const { port } = address;
      srv.close((err) => (err ? reject(err) : resolve(port)));
    });
  });
}
