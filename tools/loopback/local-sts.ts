// Over 200 lines: one loopback STS for tests and docs, answering AssumeRole, GetCallerIdentity,
// GetSessionToken and the console's federation endpoint, with the decisions and failures tests ask of it.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { queryError, queryResult, readBody, type QueryReply } from './query-protocol';

/** One request the responder received: its action, form parameters and the signing access key. */
export interface StsRequest {
  readonly action: string;
  readonly params: Readonly<Record<string, string>>;
  readonly accessKeyId: string;
  /** The session token it was signed with (`X-Amz-Security-Token`). @default none: long-term keys */
  readonly sessionToken?: string;
  /**
   * When the caller signed in with MFA, as AWS puts it in the request context
   * (`aws:MultiFactorAuthPresent`, `aws:MultiFactorAuthAge`): an MFA code in the
   * request itself, or credentials of a GetSessionToken that was given one.
   * @default none: no MFA
   */
  readonly mfaAuthenticatedAt?: Date;
}

/** A request to the federation endpoint (`/federation`), as the console sign-in sends it. */
export interface FederationRequest {
  readonly action: string;
  /** The `Session` parameter's credentials. @default none */
  readonly session?: { readonly sessionId: string; readonly sessionKey: string; readonly sessionToken: string };
  /** The `SessionDuration` parameter, as sent. @default none */
  readonly sessionDuration?: string;
  /** The sign-in token answered. @default none: refused */
  readonly signinToken?: string;
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
  /** Seconds until AssumeRole's credentials expire (negative: already expired). @default the request's DurationSeconds, else 3600 */
  readonly lifetimeSeconds?: number;
  /** Seconds until GetSessionToken's credentials expire. @default the request's DurationSeconds, else 43200 */
  readonly sessionTokenLifetimeSeconds?: number;
  /** Decides an AssumeRole: an error to refuse it, undefined to grant it. @default grant every request */
  readonly decide?: (request: StsRequest) => StsError | undefined;
  /** Decides a GetSessionToken (a wrong MFA code, say), likewise. @default grant every request */
  readonly decideSessionToken?: (request: StsRequest) => StsError | undefined;
  /** Error for GetCallerIdentity (an expired token, say). @default none */
  readonly callerIdentityError?: StsError;
  /** `Expiration` of AssumeRole's credentials, as sent (a time long past, say). @default now + lifetimeSeconds */
  readonly expiration?: string;
  /** Grant AssumeRole with an answer that holds no `Credentials`. @default false */
  readonly omitCredentials?: boolean;
  /** Requests never answered (the connection stays open), to test timeouts. @default none */
  readonly stall?: (request: StsRequest) => boolean;
  /** Called as each request arrives, before it is answered (the benchmark times the first). @default none */
  readonly onRequest?: (request: StsRequest) => void;
}

/** A running responder: its endpoints, the requests it saw, and how to stop it. */
export interface LocalSts {
  /** The STS endpoint (`AWS_ENDPOINT_URL_STS`). */
  readonly endpoint: string;
  /** The console sign-in federation endpoint (`<endpoint>/federation`). */
  readonly federationEndpoint: string;
  readonly requests: StsRequest[];
  readonly federationRequests: FederationRequest[];
  /** How many requests of one action (`AssumeRole`, `GetSessionToken`, …) it has answered. */
  count(action: string): number;
  close(): Promise<void>;
}

/** What the responder knows of each session token it handed out. */
interface IssuedSession {
  readonly kind: 'session-token' | 'role';
  readonly mfaAuthenticatedAt?: Date;
  /** A role session asked for with DurationSeconds by temporary credentials, which AWS's federation endpoint refuses. */
  readonly durationFromTemporaryCredentials?: boolean;
}

/**
 * A small STS on 127.0.0.1 answering AssumeRole, GetSessionToken and
 * GetCallerIdentity in the Query protocol's XML, and the console's federation
 * endpoint (`/federation?Action=getSigninToken`) in its JSON, so the real SDK
 * client and the console sign-in are tested without AWS. It checks no
 * signature; the test decides what is granted. Like AWS, it carries the MFA
 * sign-in of a GetSessionToken into requests signed with its credentials,
 * refuses GetSessionToken to temporary credentials, and gives sign-in tokens
 * only for role credentials it issued.
 */
export async function startLocalSts(props: LocalStsProps = {}): Promise<LocalSts> {
  const requests: StsRequest[] = [];
  const federationRequests: FederationRequest[] = [];
  const issued = new Map<string, IssuedSession>();
  const server: Server = createServer((req, res) => {
    void readBody(req).then((body) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (url.pathname === '/federation') {
        answerFederation(url.searchParams, issued, federationRequests, res);
        return;
      }
      const params = Object.fromEntries(new URLSearchParams(body));
      const accessKeyId = /Credential=([^/]+)\//.exec(req.headers.authorization ?? '')?.[1] ?? '';
      const sessionToken = header(req, 'x-amz-security-token');
      const mfaAuthenticatedAt =
        params.SerialNumber && params.TokenCode
          ? new Date()
          : sessionToken
            ? issued.get(sessionToken)?.mfaAuthenticatedAt
            : undefined;
      const request: StsRequest = {
        action: params.Action,
        params,
        accessKeyId,
        ...(sessionToken && { sessionToken }),
        ...(mfaAuthenticatedAt && { mfaAuthenticatedAt }),
      };
      requests.push(request);
      props.onRequest?.(request);
      if (props.stall?.(request)) return;
      const { status, xml } = answer(request, props, issued);
      res.writeHead(status, { 'content-type': 'text/xml', 'x-amzn-requestid': randomUUID() });
      res.end(xml);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    federationEndpoint: `${endpoint}/federation`,
    requests,
    federationRequests,
    count: (action) => requests.filter((request) => request.action === action).length,
    // Closing twice is harmless, so a test's cleanup need not track it; stalled requests are cut.
    close: () =>
      new Promise((resolve) => {
        if (!server.listening) return resolve();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function answer(
  request: StsRequest,
  props: LocalStsProps,
  issued: Map<string, IssuedSession>,
): { status: number; xml: string } {
  const callerArn = props.callerArn === undefined ? 'arn:aws:iam::111111111111:user/John' : props.callerArn;
  if (request.action === 'GetCallerIdentity') {
    if (props.callerIdentityError) return errorXml(props.callerIdentityError);
    const arn = callerArn === null ? '' : `<Arn>${callerArn}</Arn>`;
    const account = callerArn?.split(':')[4] ?? '111111111111';
    return queryResult(
      STS_NAMESPACE,
      'GetCallerIdentity',
      `${arn}<UserId>AIDAEXAMPLE</UserId><Account>${account}</Account>`,
    );
  }
  if (request.action === 'GetSessionToken') return getSessionToken(request, props, issued);
  if (request.action !== 'AssumeRole') return errorXml({ code: 'InvalidAction', message: request.action, status: 400 });
  const refusal = props.decide?.(request);
  if (refusal) return errorXml(refusal);
  const { RoleArn: roleArn, RoleSessionName: session, DurationSeconds: duration } = request.params;
  const lifetime = props.lifetimeSeconds ?? Number(duration ?? 3600);
  const keys = props.issuedKeys ?? { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
  const token = `local-session-token-${requestCount++}`;
  issued.set(token, {
    kind: 'role',
    ...(request.mfaAuthenticatedAt && { mfaAuthenticatedAt: request.mfaAuthenticatedAt }),
    durationFromTemporaryCredentials: duration !== undefined && request.sessionToken !== undefined,
  });
  const account = roleArn.split(':')[4];
  const roleName = roleArn.split('/').at(-1);
  return queryResult(
    STS_NAMESPACE,
    'AssumeRole',
    `<AssumedRoleUser><AssumedRoleId>AROAEXAMPLE:${session}</AssumedRoleId>` +
      `<Arn>arn:aws:sts::${account}:assumed-role/${roleName}/${session}</Arn></AssumedRoleUser>` +
      (props.omitCredentials ? '' : credentialsXml(keys, token, props.expiration ?? expiresIn(lifetime))),
  );
}

/** GetSessionToken as AWS answers it: only for long-term keys, MFA carried into the credentials. */
function getSessionToken(
  request: StsRequest,
  props: LocalStsProps,
  issued: Map<string, IssuedSession>,
): { status: number; xml: string } {
  if (request.sessionToken) {
    return errorXml({
      code: 'AccessDenied',
      message: 'Cannot call GetSessionToken with session credentials',
    });
  }
  const refusal = props.decideSessionToken?.(request);
  if (refusal) return errorXml(refusal);
  const lifetime = props.sessionTokenLifetimeSeconds ?? Number(request.params.DurationSeconds ?? 43200);
  const token = `local-mfa-session-token-${requestCount++}`;
  issued.set(token, {
    kind: 'session-token',
    ...(request.mfaAuthenticatedAt && { mfaAuthenticatedAt: request.mfaAuthenticatedAt }),
  });
  const keys = { accessKeyId: 'ASIALOOPBACKSESSION', secretAccessKey: 'loopback-session-secret' };
  return queryResult(STS_NAMESPACE, 'GetSessionToken', credentialsXml(keys, token, expiresIn(lifetime)));
}

function expiresIn(lifetimeSeconds: number): string {
  return new Date(Date.now() + lifetimeSeconds * 1000).toISOString();
}

function credentialsXml(
  keys: { readonly accessKeyId: string; readonly secretAccessKey: string },
  token: string,
  expiration: string,
): string {
  return (
    `<Credentials><AccessKeyId>${keys.accessKeyId}</AccessKeyId><SecretAccessKey>${keys.secretAccessKey}</SecretAccessKey>` +
    `<SessionToken>${token}</SessionToken><Expiration>${expiration}</Expiration></Credentials>`
  );
}

/**
 * `GET /federation?Action=getSigninToken&Session=<json>[&SessionDuration=<s>]`:
 * a sign-in token for role credentials this responder issued; 400 for any
 * other credentials, and for a role session asked for with DurationSeconds by
 * temporary credentials, as AWS documents.
 */
function answerFederation(
  query: URLSearchParams,
  issued: Map<string, IssuedSession>,
  federationRequests: FederationRequest[],
  res: ServerResponse,
): void {
  const action = query.get('Action') ?? '';
  let session: FederationRequest['session'];
  try {
    session = JSON.parse(query.get('Session') ?? 'null') ?? undefined;
  } catch {
    session = undefined;
  }
  const sessionDuration = query.get('SessionDuration') ?? undefined;
  const request = {
    action,
    ...(session && { session }),
    ...(sessionDuration !== undefined && { sessionDuration }),
  };
  const role = session ? issued.get(session.sessionToken) : undefined;
  if (action !== 'getSigninToken' || role?.kind !== 'role' || role.durationFromTemporaryCredentials) {
    federationRequests.push(request);
    res.writeHead(400, { 'content-type': 'text/plain' });
    res.end('Bad Request');
    return;
  }
  const signinToken = `loopback-signin-token-${requestCount++}`;
  federationRequests.push({ ...request, signinToken });
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ SigninToken: signinToken }));
}

let requestCount = 1;

const STS_NAMESPACE = 'https://sts.amazonaws.com/doc/2011-06-15/';

function errorXml(error: StsError): QueryReply {
  return queryError(STS_NAMESPACE, error.code, error.message, error.status ?? 403);
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
