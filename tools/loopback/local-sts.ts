import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the responder received: its action, form parameters and the signing access key. */
export interface StsRequest {
  readonly action: string;
  readonly params: Readonly<Record<string, string>>;
  readonly accessKeyId: string;
}

/** An STS error answer, as AWS sends it (`AccessDenied`, `ExpiredToken`, …). */
export interface StsError {
  readonly code: string;
  readonly message: string;
  /** @default 403 */
  readonly status?: number;
}

/** Props of {@link startLocalSts}. */
export interface LocalStsProps {
  /** ARN GetCallerIdentity answers; null answers without one. @default arn:aws:iam::111111111111:user/John */
  readonly callerArn?: string | null;
  /** Keys handed out by AssumeRole (s3rver knows only S3RVER/S3RVER). @default S3RVER / S3RVER */
  readonly issuedKeys?: { readonly accessKeyId: string; readonly secretAccessKey: string };
  /** Seconds until issued credentials expire. @default the request's DurationSeconds, else 3600 */
  readonly lifetimeSeconds?: number;
  /** Decides an AssumeRole: an error to refuse it, undefined to grant it. @default grant every request */
  readonly decide?: (request: StsRequest) => StsError | undefined;
  /** Error for GetCallerIdentity (an expired token, say). @default none */
  readonly callerIdentityError?: StsError;
  /** `Expiration` of issued credentials, as sent (a time long past, say). @default now + lifetimeSeconds */
  readonly expiration?: string;
  /** Grant AssumeRole with an answer that holds no `Credentials`. @default false */
  readonly omitCredentials?: boolean;
  /** Requests never answered (the connection stays open), to test timeouts. @default none */
  readonly stall?: (request: StsRequest) => boolean;
  /** Called as each request arrives, before it is answered (the benchmark times the first). @default none */
  readonly onRequest?: (request: StsRequest) => void;
}

/** A running responder: its endpoint URL, the requests it saw, and how to stop it. */
export interface LocalSts {
  readonly endpoint: string;
  readonly requests: StsRequest[];
  close(): Promise<void>;
}

/**
 * A small STS on 127.0.0.1 answering AssumeRole and GetCallerIdentity in the
 * Query protocol's XML, so the real SDK client is tested without AWS. It checks
 * no signature; the test decides what is granted.
 */
export async function startLocalSts(props: LocalStsProps = {}): Promise<LocalSts> {
  const requests: StsRequest[] = [];
  const server: Server = createServer((req, res) => {
    void readBody(req).then((body) => {
      const params = Object.fromEntries(new URLSearchParams(body));
      const accessKeyId = /Credential=([^/]+)\//.exec(req.headers.authorization ?? '')?.[1] ?? '';
      const request: StsRequest = { action: params.Action, params, accessKeyId };
      requests.push(request);
      props.onRequest?.(request);
      if (props.stall?.(request)) return;
      const { status, xml } = answer(request, props);
      res.writeHead(status, { 'content-type': 'text/xml', 'x-amzn-requestid': randomUUID() });
      res.end(xml);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    // Closing twice is harmless, so a test's cleanup need not track it; stalled requests are cut.
    close: () =>
      new Promise((resolve) => {
        if (!server.listening) return resolve();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function answer(request: StsRequest, props: LocalStsProps): { status: number; xml: string } {
  const callerArn = props.callerArn === undefined ? 'arn:aws:iam::111111111111:user/John' : props.callerArn;
  if (request.action === 'GetCallerIdentity') {
    if (props.callerIdentityError) return errorXml(props.callerIdentityError);
    const arn = callerArn === null ? '' : `<Arn>${callerArn}</Arn>`;
    const account = callerArn?.split(':')[4] ?? '111111111111';
    return ok('GetCallerIdentity', `${arn}<UserId>AIDAEXAMPLE</UserId><Account>${account}</Account>`);
  }
  if (request.action !== 'AssumeRole') return errorXml({ code: 'InvalidAction', message: request.action, status: 400 });
  const refusal = props.decide?.(request);
  if (refusal) return errorXml(refusal);
  const { RoleArn: roleArn, RoleSessionName: session, DurationSeconds: duration } = request.params;
  const lifetime = props.lifetimeSeconds ?? Number(duration ?? 3600);
  const keys = props.issuedKeys ?? { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
  const expiration = props.expiration ?? new Date(Date.now() + lifetime * 1000).toISOString();
  const account = roleArn.split(':')[4];
  const roleName = roleArn.split('/').at(-1);
  const credentials =
    `<Credentials><AccessKeyId>${keys.accessKeyId}</AccessKeyId><SecretAccessKey>${keys.secretAccessKey}</SecretAccessKey>` +
    `<SessionToken>local-session-token-${requestCount++}</SessionToken><Expiration>${expiration}</Expiration></Credentials>`;
  return ok(
    'AssumeRole',
    `<AssumedRoleUser><AssumedRoleId>AROAEXAMPLE:${session}</AssumedRoleId>` +
      `<Arn>arn:aws:sts::${account}:assumed-role/${roleName}/${session}</Arn></AssumedRoleUser>` +
      (props.omitCredentials ? '' : credentials),
  );
}

let requestCount = 1;

function ok(action: string, result: string): { status: number; xml: string } {
  return {
    status: 200,
    xml:
      `<${action}Response xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><${action}Result>${result}</${action}Result>` +
      `<ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></${action}Response>`,
  };
}

function errorXml(error: StsError): { status: number; xml: string } {
  return {
    status: error.status ?? 403,
    xml:
      `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type>` +
      `<Code>${error.code}</Code><Message>${error.message}</Message></Error><RequestId>${randomUUID()}</RequestId></ErrorResponse>`,
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
