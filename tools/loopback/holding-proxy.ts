import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the proxy holds back. */
export interface HeldRequest {
  readonly method: string;
  readonly url: string;
}

/** A running proxy: its URL, a promise of the first held request, and how to stop it. */
export interface HoldingProxy {
  readonly endpoint: string;
  /** Resolves with the first request the proxy holds back. */
  readonly firstHeld: Promise<HeldRequest>;
  close(): Promise<void>;
}

/**
 * A plain HTTP proxy on 127.0.0.1 in front of `target` that forwards every
 * request except those `hold` picks, which it keeps open and never answers: a
 * test can then act (send a signal) while the client is inside that request.
 */
export async function startHoldingProxy(
  target: string,
  hold: (request: IncomingMessage) => boolean,
): Promise<HoldingProxy> {
  let onHeld: (request: HeldRequest) => void = () => undefined;
  const firstHeld = new Promise<HeldRequest>((resolve) => (onHeld = resolve));
  const server: Server = createServer((req, res) => {
    if (hold(req)) {
      req.resume();
      return onHeld({ method: req.method ?? '', url: req.url ?? '' });
    }
    const upstream = httpRequest(`${target}${req.url}`, { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    firstHeld,
    close: () =>
      new Promise<void>((resolve) => {
        if (!server.listening) return resolve();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
