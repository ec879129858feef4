import { connect, type Socket } from 'node:net';
import { Worker } from 'node:worker_threads';

/** A port on 127.0.0.1 that never accepts another connection, and how to free it. */
export interface UnacceptingEndpoint {
  readonly endpoint: string;
  close(): Promise<void>;
}

/**
 * The listener, run in a worker thread: it listens with a backlog of one, tells
 * the test its port, then blocks its own event loop, so it never accepts. Node has
 * no way to listen without accepting, and a test cannot drop packets without root;
 * a blocked loop is the one portable way to leave connections to the kernel.
 * It frees itself after a minute even if nobody wakes it.
 */
const LISTENER = `
const { parentPort, workerData } = require('node:worker_threads');
const server = require('node:net').createServer();
server.listen({ port: 0, host: '127.0.0.1', backlog: 1 }, () => {
  parentPort.postMessage(server.address().port);
  Atomics.wait(new Int32Array(workerData), 0, 0, 60000);
  server.close();
});
`;

/**
 * A listening socket whose accept queue is full: Linux (and the BSDs) then drop
 * every new SYN, so a client's connect neither succeeds nor fails, as with a
 * firewall that drops packets or a host that is gone. A connect timeout is the
 * only way out. Listens on 127.0.0.1 only, and stops by itself after a minute.
 */
export async function startUnacceptingEndpoint(): Promise<UnacceptingEndpoint> {
  const wake = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(LISTENER, { eval: true, workerData: wake.buffer });
  worker.unref();
  const port = await new Promise<number>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  // A backlog of one holds two connections that nobody accepts: fill it.
  const fillers: Socket[] = [];
  for (let i = 0; i < 2; i++) {
    const socket = connect(port, '127.0.0.1');
    fillers.push(socket);
    await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  }
  const close = async () => {
    for (const socket of fillers) socket.destroy();
    Atomics.store(wake, 0, 1);
    Atomics.notify(wake, 0);
    await new Promise<void>((resolve) => {
      if (worker.threadId === -1) return resolve();
      worker.once('exit', () => resolve());
    });
  };
  return { endpoint: `http://127.0.0.1:${port}`, close };
}
