// Over 200 lines: the test double answers every Terraform Cloud API route `terraform init` and the state
// use (organizations, workspaces, state versions, locks); one route table reads better than several files.
import { createHash, randomUUID } from 'node:crypto';

/** A state version as the double keeps it. */
export interface StoredStateVersion {
  readonly id: string;
  readonly serial: number;
  readonly md5: string;
  /** The raw state file, once uploaded. */
  state?: Buffer;
  /** Terraform's JSON view of it, once uploaded. */
  jsonState?: Buffer;
}

/** A workspace as the double keeps it. */
export interface StoredWorkspace {
  readonly id: string;
  readonly name: string;
  readonly projectId: string;
  readonly executionMode: 'local' | 'remote';
  terraformVersion: string;
  locked: boolean;
  readonly stateVersions: StoredStateVersion[];
}

/** An answer: a JSON:API document, raw bytes (a state file), or nothing. */
export interface ApiReply {
  readonly status: number;
  readonly body?: unknown;
  readonly raw?: Buffer;
}

type Handler = (match: RegExpMatchArray, body: Buffer, query: URLSearchParams) => ApiReply;

/**
 * The model behind the Terraform Cloud double: one organization, its projects,
 * workspaces, locks and state versions, answering the calls go-tfe 1.70 makes
 * for Terraform 1.11's cloud backend, in their JSON:API shape. Paths are those
 * under the API base (`/api/v2/`), plus `/object-store/…`, where the upload and
 * download URLs of state versions point (pre-signed in the real service, so
 * the server asks no token there).
 */
export class TerraformCloudApi {
  readonly workspaces = new Map<string, StoredWorkspace>();
  readonly projects = new Map<string, { readonly id: string; readonly name: string }>();
  private readonly routes: readonly (readonly [string, RegExp, Handler])[] = [
    ['GET', /^\/api\/v2\/ping$/, () => ({ status: 204 })],
    ['GET', /^\/api\/v2\/organizations\/([^/]+)\/entitlement-set$/, ([, o]) => this.entitlements(o)],
    ['GET', /^\/api\/v2\/organizations\/([^/]+)\/workspaces\/([^/]+)$/, ([, o, name]) => this.readWorkspace(o, name)],
    ['POST', /^\/api\/v2\/organizations\/([^/]+)\/workspaces$/, ([, o], body) => this.createWorkspace(o, body)],
    ['GET', /^\/api\/v2\/organizations\/([^/]+)\/projects$/, ([, o], _, query) => this.listProjects(o, query)],
    ['POST', /^\/api\/v2\/organizations\/([^/]+)\/projects$/, ([, o], body) => this.createProject(o, body)],
    ['PATCH', /^\/api\/v2\/workspaces\/([^/]+)$/, ([, id], body) => this.updateWorkspace(id, body)],
    ['POST', /^\/api\/v2\/workspaces\/([^/]+)\/actions\/(lock|unlock|force-unlock)$/, ([, id, a]) => this.lock(id, a)],
    ['GET', /^\/api\/v2\/workspaces\/([^/]+)\/current-state-version$/, ([, id]) => this.currentStateVersion(id)],
    ['POST', /^\/api\/v2\/workspaces\/([^/]+)\/state-versions$/, ([, id], body) => this.createStateVersion(id, body)],
    ['GET', /^\/api\/v2\/state-versions\/([^/]+)$/, ([, id]) => this.readStateVersion(id)],
    ['PUT', /^\/object-store\/([^/]+)\/(state|json-state)$/, ([, id, kind], body) => this.upload(id, kind, body)],
    ['GET', /^\/object-store\/([^/]+)\/state$/, ([, id]) => this.download(id)],
  ];

  constructor(
    /** The one organization that exists. */
    private readonly organization: string,
    /** Execution mode of the workspaces created. */
    private readonly executionMode: 'local' | 'remote',
    /** `https://127.0.0.1:<port>`, for the upload and download URLs. */
    private readonly origin: () => string,
  ) {}

  /** The reply to a request, or undefined when no route of the double matches it. */
  handle(method: string, path: string, body: Buffer, query: URLSearchParams): ApiReply | undefined {
    const route = this.routes.find(([m, pattern]) => m === method && pattern.test(path));
    return route?.[2](path.match(route[1])!, body, query);
  }

  private entitlements(organization: string): ApiReply {
    if (organization !== this.organization) return notFound();
    return ok(resource('entitlement-sets', `org-${organization}`, { operations: true, 'state-storage': true }));
  }

  private readWorkspace(organization: string, name: string): ApiReply {
    const found = organization === this.organization ? this.workspaces.get(decodeURIComponent(name)) : undefined;
    return found ? ok(this.workspaceResource(found)) : notFound();
  }

  private createWorkspace(organization: string, body: Buffer): ApiReply {
    if (organization !== this.organization) return notFound();
    const data = readData(body);
    const name = String(data.attributes?.name ?? '');
    if (!/^[A-Za-z0-9_-]{1,90}$/.test(name) || this.workspaces.has(name)) return invalid('name is invalid or taken');
    const created: StoredWorkspace = {
      id: newId('ws'),
      name,
      projectId: data.relationships?.project?.data?.id ?? this.project('Default Project').id,
      executionMode: this.executionMode,
      terraformVersion: 'latest',
      locked: false,
      stateVersions: [],
    };
    this.workspaces.set(name, created);
    return { status: 201, body: { data: this.workspaceResource(created) } };
  }

  private updateWorkspace(id: string, body: Buffer): ApiReply {
    const found = this.workspaceById(id);
    if (!found) return notFound();
    const version = readData(body).attributes?.['terraform-version'];
    if (typeof version === 'string') found.terraformVersion = version;
    return ok(this.workspaceResource(found));
  }

  private listProjects(organization: string, query: URLSearchParams): ApiReply {
    if (organization !== this.organization) return notFound();
    const names = query.get('filter[names]')?.split(',');
    const items = [...this.projects.values()].filter((p) => !names || names.includes(p.name));
    const pagination = { 'current-page': 1, 'total-pages': 1, 'total-count': items.length };
    const data = items.map((p) => resource('projects', p.id, { name: p.name }));
    return { status: 200, body: { data, meta: { pagination } } };
  }

  private createProject(organization: string, body: Buffer): ApiReply {
    if (organization !== this.organization) return notFound();
    const name = String(readData(body).attributes?.name ?? '');
    if (!name || this.projects.has(name)) return invalid('name is invalid or taken');
    const created = this.project(name);
    return { status: 201, body: { data: resource('projects', created.id, { name }) } };
  }

  private lock(id: string, action: string): ApiReply {
    const found = this.workspaceById(id);
    if (!found) return notFound();
    if ((action === 'lock') === found.locked) {
      return conflict(found.locked ? 'Workspace is already locked' : 'Workspace is not locked');
    }
    found.locked = action === 'lock';
    return ok(this.workspaceResource(found));
  }

  private currentStateVersion(id: string): ApiReply {
    const current = this.workspaceById(id)
      ?.stateVersions.filter((version) => version.state)
      .at(-1);
    return current ? ok(this.stateVersionResource(current)) : notFound();
  }

  /** As the real service: only the holder of the lock writes, serials grow, and state comes inline or by upload. */
  private createStateVersion(id: string, body: Buffer): ApiReply {
    const found = this.workspaceById(id);
    if (!found) return notFound();
    if (!found.locked) return conflict('Workspace must be locked by the caller to create a state version');
    const attributes = readData(body).attributes ?? {};
    const serial = Number(attributes.serial);
    if (!Number.isInteger(serial) || typeof attributes.md5 !== 'string') return invalid('serial and md5 are required');
    const current = found.stateVersions.filter((version) => version.state).at(-1);
    if (current && serial <= current.serial && attributes.force !== true) {
      return conflict(`serial ${serial} is not greater than the current ${current.serial}`);
    }
    const created: StoredStateVersion = { id: newId('sv'), serial, md5: attributes.md5 };
    if (typeof attributes.state === 'string') created.state = Buffer.from(attributes.state, 'base64');
    found.stateVersions.push(created);
    return { status: 201, body: { data: this.stateVersionResource(created) } };
  }

  private readStateVersion(id: string): ApiReply {
    const found = this.stateVersionById(id);
    return found ? ok(this.stateVersionResource(found)) : notFound();
  }

  private upload(id: string, kind: string, body: Buffer): ApiReply {
    const found = this.stateVersionById(id);
    if (!found) return notFound();
    if (kind === 'json-state') {
      found.jsonState = body;
    } else if (createHash('md5').update(body).digest('hex') !== found.md5) {
      return invalid('the uploaded state does not match its md5');
    } else {
      found.state = body;
    }
    return { status: 200 };
  }

  private download(id: string): ApiReply {
    const state = this.stateVersionById(id)?.state;
    return state ? { status: 200, raw: state } : notFound();
  }

  private project(name: string) {
    const existing = this.projects.get(name);
    if (existing) return existing;
    const created = { id: newId('prj'), name };
    this.projects.set(name, created);
    return created;
  }

  private workspaceById(id: string): StoredWorkspace | undefined {
    return [...this.workspaces.values()].find((workspace) => workspace.id === id);
  }

  private stateVersionById(id: string): StoredStateVersion | undefined {
    return [...this.workspaces.values()].flatMap((w) => w.stateVersions).find((version) => version.id === id);
  }

  private workspaceResource(workspace: StoredWorkspace) {
    return {
      ...resource('workspaces', workspace.id, {
        name: workspace.name,
        'execution-mode': workspace.executionMode,
        operations: workspace.executionMode === 'remote',
        'terraform-version': workspace.terraformVersion,
        locked: workspace.locked,
      }),
      relationships: {
        organization: { data: { type: 'organizations', id: this.organization } },
        project: { data: { type: 'projects', id: workspace.projectId } },
      },
    };
  }

  private stateVersionResource(version: StoredStateVersion) {
    const store = `${this.origin()}/object-store/${version.id}`;
    return resource('state-versions', version.id, {
      serial: version.serial,
      status: version.state ? 'finalized' : 'pending',
      'hosted-state-upload-url': `${store}/state`,
      'hosted-json-state-upload-url': `${store}/json-state`,
      'hosted-state-download-url': `${store}/state`,
      'resources-processed': Boolean(version.state),
    });
  }
}

/** A JSON:API error document, as go-tfe decodes it. */
export function errors(detail: string) {
  return { errors: [{ status: '', title: detail, detail }] };
}

export const notFound = (): ApiReply => ({ status: 404, body: errors('not found') });
const ok = (data: unknown): ApiReply => ({ status: 200, body: { data } });
const invalid = (detail: string): ApiReply => ({ status: 422, body: errors(detail) });
const conflict = (detail: string): ApiReply => ({ status: 409, body: errors(detail) });
const newId = (prefix: string) => `${prefix}-${randomUUID().replace(/-/g, '').slice(0, 16)}`;

function resource(type: string, id: string, attributes: Record<string, unknown>) {
  return { type, id, attributes };
}

interface JsonApiData {
  readonly attributes?: Record<string, unknown>;
  readonly relationships?: Record<string, { readonly data?: { readonly id?: string } }>;
}

function readData(body: Buffer): JsonApiData {
  try {
    return (JSON.parse(body.toString('utf8')) as { data?: JsonApiData }).data ?? {};
  } catch {
    return {};
  }
}
