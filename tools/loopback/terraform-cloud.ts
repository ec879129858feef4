import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { errors, notFound, TerraformCloudApi, type ApiReply, type StoredWorkspace } from './terraform-cloud-api';
import type { ThrowawayCertificate } from './throwaway-certificate';

export type { StoredStateVersion, StoredWorkspace } from './terraform-cloud-api';

/** Props of {@link startTerraformCloud}. */
export interface TerraformCloudProps {
  /** The one organization that exists; any other answers 404, as Terraform Cloud does. */
  readonly organization: string;
  /** The API token every request under /api/v2 must carry as `Authorization: Bearer …`. */
  readonly token: string;
  /** The server's certificate (the client must trust it, e.g. through `SSL_CERT_FILE`). */
  readonly certificate: ThrowawayCertificate;
  /** Execution mode of the workspaces `terraform init` creates. @default local */
  readonly executionMode?: 'local' | 'remote';
  /** Milliseconds without a request after which the server closes itself. @default 60000 */
  readonly idleTimeoutMs?: number;
}

/** A running test double: where it listens, what it holds, what it was asked, and how to stop it. */
export interface TerraformCloud {
  /** `127.0.0.1:<port>`, the `hostname` of a `cloud` block. */
  readonly hostname: string;
  readonly workspaces: ReadonlyMap<string, StoredWorkspace>;
  readonly projects: ReadonlyMap<string, { readonly id: string; readonly name: string }>;
  /** `GET /api/v2/ping`, … in order; requests no route knows end in `(unknown)`. */
  readonly requests: readonly string[];
  /** Stops the server; harmless when it already stopped. */
  close(): Promise<void>;
}

/** Service discovery: Terraform looks for the `tfe.v2` API here before anything else. */
const DISCOVERY = { 'tfe.v2': '/api/v2/', 'tfe.v2.1': '/api/v2/', 'tfe.v2.2': '/api/v2/' };

/**
 * A Terraform Cloud test double on 127.0.0.1 over HTTPS, speaking the parts of
 * the API that `terraform init`, state commands and locally executed runs use,
 * as Terraform 1.11's cloud backend (internal/cloud: backend.go, state.go) and
 * go-tfe 1.70 call them: service discovery, ping (with the `TFP-API-Version`
 * header, which must say 2.5 or later), organization entitlements, workspace
 * and project lookup and creation, locking, and state versions created then
 * uploaded to the URLs they return (see TerraformCloudApi). It asks for a
 * bearer token under /api/v2. Remote runs are not spoken. The server closes
 * itself after `idleTimeoutMs` without a request.
 */
export async function startTerraformCloud(props: TerraformCloudProps): Promise<TerraformCloud> {
  let origin = '';
  const api = new TerraformCloudApi(props.organization, props.executionMode ?? 'local', () => origin);
  const requests: string[] = [];
  const idleTimeoutMs = props.idleTimeoutMs ?? 60_000;
  let idle: NodeJS.Timeout | undefined;
  const restartIdleTimer = () => {
    clearTimeout(idle);
    idle = setTimeout(() => void close(), idleTimeoutMs).unref();
  };

  const server: Server = createServer(props.certificate, (req, res) => {
    restartIdleTimer();
    void readBody(req).then(
      (body) => send(res, answer(req, body)),
      () => res.destroy(),
    );
  });

  function answer(req: IncomingMessage, body: Buffer): ApiReply & { readonly contentType?: string } {
    const url = new URL(req.url ?? '/', origin);
    const method = req.method ?? 'GET';
    if (method === 'GET' && url.pathname === '/.well-known/terraform.json') {
      requests.push(`GET ${url.pathname}`);
      return { status: 200, body: DISCOVERY, contentType: 'application/json' };
    }
    if (url.pathname.startsWith('/api/v2/') && req.headers.authorization !== `Bearer ${props.token}`) {
      requests.push(`${method} ${url.pathname} (no token)`);
      return { status: 401, body: errors('unauthorized') };
    }
    const reply = api.handle(method, url.pathname, body, url.searchParams);
    requests.push(`${method} ${url.pathname}${reply ? '' : ' (unknown)'}`);
    return reply ?? notFound();
  }

  function close(): Promise<void> {
    clearTimeout(idle);
    return new Promise((resolve) => {
      if (!server.listening) return resolve();
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const hostname = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  origin = `https://${hostname}`;
  restartIdleTimer();
  return { hostname, workspaces: api.workspaces, projects: api.projects, requests, close };
}

function send(res: ServerResponse, reply: ApiReply & { readonly contentType?: string }): void {
  // TFP-API-Version: Terraform refuses a `cloud` block on a server that does not declare 2.5 or later.
  const headers = { 'tfp-api-version': '2.6', 'tfp-appname': 'HCP Terraform' };
  if (reply.raw) {
    res.writeHead(reply.status, { ...headers, 'content-type': 'application/json' }).end(reply.raw);
  } else if (reply.body === undefined) {
    res.writeHead(reply.status, headers).end();
  } else {
    const contentType = reply.contentType ?? 'application/vnd.api+json';
    res.writeHead(reply.status, { ...headers, 'content-type': contentType }).end(JSON.stringify(reply.body));
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
