import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

// What the loopback IAM and STS share of AWS's query protocol (form-encoded requests, XML answers).

/** An answer of the query protocol: HTTP status and XML body. */
export interface QueryReply {
  readonly status: number;
  readonly xml: string;
}

/** A service's XML namespace: `https://sts.amazonaws.com/doc/2011-06-15/`. */
export type QueryNamespace = string;

/** `<ActionResponse><ActionResult>result</ActionResult>…` with a fresh request id. */
export function queryResult(namespace: QueryNamespace, action: string, result: string): QueryReply {
  return {
    status: 200,
    xml:
      `<${action}Response xmlns="${namespace}"><${action}Result>${result}</${action}Result>` +
      `<ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></${action}Response>`,
  };
}

/** An `<ErrorResponse>` of the caller's making (`Sender`), as AWS words it. */
export function queryError(namespace: QueryNamespace, code: string, message: string, status: number): QueryReply {
  return {
    status,
    xml:
      `<ErrorResponse xmlns="${namespace}"><Error><Type>Sender</Type>` +
      `<Code>${code}</Code><Message>${message}</Message></Error><RequestId>${randomUUID()}</RequestId></ErrorResponse>`,
  };
}

/** The whole request body as text. */
export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
