import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startUnacceptingEndpoint } from './unaccepting-endpoint';

/** A canned HTTP answer, sent to every request. */
export interface CannedAnswer {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

/**
 * How the endpoint misbehaves: `refuse` (nothing listens on its port), `hang`
 * (accepts the connection, reads the request, never answers), `reset` (closes
 * the connection without a word), `unaccepting` (never accepts the connection:
 * a connect that neither succeeds nor fails), `unresolvable` (a host name that
 * does not resolve, `nonexistent.invalid`: RFC 6761 reserves `.invalid`, so no
 * resolver answers it and no network is needed), or the same canned answer to
 * every request.
 */
export type Fault = 'refuse' | 'hang' | 'reset' | 'unaccepting' | 'unresolvable' | CannedAnswer;

/** A running faulty endpoint: its URL, how many requests reached it, and how to stop it. */
export interface FaultyEndpoint {
  readonly endpoint: string;
  readonly requestCount: () => number;
  close(): Promise<void>;
}

/** An HTML page from a gateway in between, as a load balancer or proxy sends it. */
export const HTML_502: CannedAnswer = {
  status: 502,
  contentType: 'text/html',
  body: '<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>',
};

/** A 200 answer whose XML stops halfway. */
export const MALFORMED_XML: CannedAnswer = {
  status: 200,
  contentType: 'text/xml',
  body: '<GetCallerIdentityResponse><GetCallerIdentityResult><Arn>arn:aws:iam::111111111111:user/John',
};

/** An AWS Query-protocol error answer (STS's shape; S3 reads the same `Code` and `Message`). */
export function awsErrorAnswer(status: number, code: string, message: string): CannedAnswer {
  return {
    status,
    contentType: 'text/xml',
    body:
      `<ErrorResponse><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error>` +
      `<Code>${code}</Code><Message>${message}</Message><RequestId>loopback</RequestId></ErrorResponse>`,
  };
}

/**
 * An endpoint on 127.0.0.1 that fails the way networks and gateways do, so the
 * real SDK clients meet each failure: every request gets the same {@link Fault}.
 */
export async function startFaultyEndpoint(fault: Fault): Promise<FaultyEndpoint> {
  if (fault === 'unresolvable') {
    return { endpoint: 'http://nonexistent.invalid', requestCount: () => 0, close: () => Promise.resolve() };
  }
  if (fault === 'unaccepting') return { ...(await startUnacceptingEndpoint()), requestCount: () => 0 };
  let requests = 0;
  const server: Server = createServer((req, res) => {
    requests++;
    req.resume();
    req.on('end', () => {
      if (fault === 'hang') return;
      if (fault === 'reset' || fault === 'refuse') return void req.socket.destroy();
      res.writeHead(fault.status, { 'content-type': fault.contentType });
      res.end(fault.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = () =>
    new Promise<void>((resolve) => {
      if (!server.listening) return resolve();
      server.close(() => resolve());
      server.closeAllConnections();
    });
  // A port that was just free and is closed again: connecting to it is refused.
  if (fault === 'refuse') await close();
  return { endpoint, requestCount: () => requests, close };
}
