import { createServer } from 'node:net';
import { KloadError } from '../errors.js';

/** Asks the kernel for a free loopback port. The port can be taken again before Kafka binds it;
 * the node's startup error then names it. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

export async function assertPortsFree(ports: number[]): Promise<void> {
  const taken: number[] = [];
  for (const port of ports) if (!(await isPortFree(port))) taken.push(port);
  if (taken.length > 0) {
    throw new KloadError('PORT_IN_USE', `Port ${taken.join(', ')} on 127.0.0.1 is already in use.`, {
      hint:
        'Is another Kafka running (`kload cluster status`)? ' +
        'Stop it, pick another --port, or omit --port to use free ports.',
    });
  }
}
