import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { queryError, queryResult, readBody } from './query-protocol';
import { iamArn, type Partition } from '../../src/policies/arn';

/** What exists in the account the responder plays: IAM names, and each group's members. */
export interface ExistingIdentities {
  /** Group name → the user names in it. */
  readonly groups: ReadonlyMap<string, readonly string[]>;
  readonly users: readonly string[];
  readonly roles: readonly string[];
  /** Customer managed policy names. */
  readonly policies: readonly string[];
}

/** Props of {@link startLocalIam}. */
export interface LocalIamProps {
  readonly accountId: string;
  /** @default aws */
  readonly partition?: Partition;
  readonly existing: ExistingIdentities;
}

/** A running responder: its endpoint URL, the actions it was asked, and how to stop it. */
export interface LocalIam {
  readonly endpoint: string;
  readonly actions: string[];
  close(): Promise<void>;
}

/** The trust policy a role made in the console ("Another AWS account") has: the account itself may assume it. */
function consoleTrustPolicy(partition: Partition, accountId: string): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Principal: { AWS: `arn:${partition}:iam::${accountId}:root` }, Action: 'sts:AssumeRole' },
    ],
  });
}

/**
 * A small IAM on 127.0.0.1 answering, in the Query protocol's XML, the reads the
 * aws provider makes when Terraform imports a user, group, role or policy, or
 * reads one through a data source: so an offline plan of a stack that adopts
 * what exists runs against "accounts where it already exists" without AWS. It
 * checks no signature; what exists is given; anything else is `NoSuchEntity`.
 * No npm package plays IAM (moto and LocalStack are Python services), hence by hand.
 */
export async function startLocalIam(props: LocalIamProps): Promise<LocalIam> {
  const actions: string[] = [];
  const server: Server = createServer((req, res) => {
    void readBody(req).then((body) => {
      const params = Object.fromEntries(new URLSearchParams(body));
      actions.push(params.Action);
      const { status, xml } = answer(params, props);
      res.writeHead(status, { 'content-type': 'text/xml', 'x-amzn-requestid': randomUUID() });
      res.end(xml);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    actions,
    close: () => new Promise((resolve) => (server.listening ? server.close(() => resolve()) : resolve())),
  };
}

const CREATED = '2020-01-01T00:00:00Z';

function answer(params: Readonly<Record<string, string>>, props: LocalIamProps): { status: number; xml: string } {
  const { accountId, existing } = props;
  const partition = props.partition ?? 'aws';
  const has = (names: readonly string[], name: string | undefined) => name !== undefined && names.includes(name);
  const userXml = (name: string) =>
    `<Path>/</Path><UserName>${name}</UserName><UserId>AIDA${idOf(name)}</UserId>` +
    `<Arn>${iamArn(partition, accountId, 'user', name)}</Arn><CreateDate>${CREATED}</CreateDate>`;
  const policyArn = (name: string) => iamArn(partition, accountId, 'policy', name);
  const policyNamed = (arn: string | undefined) => existing.policies.find((name) => policyArn(name) === arn);

  switch (params.Action) {
    case 'GetGroup': {
      const name = params.GroupName;
      const users = existing.groups.get(name);
      if (!users) return noSuchEntity(`The group with name ${name} cannot be found.`);
      const members = users.map((user) => `<member>${userXml(user)}</member>`).join('');
      return queryResult(
        IAM_NAMESPACE,
        'GetGroup',
        `<Group><Path>/</Path><GroupName>${name}</GroupName><GroupId>AGPA${idOf(name)}</GroupId>` +
          `<Arn>${iamArn(partition, accountId, 'group', name)}</Arn><CreateDate>${CREATED}</CreateDate></Group>` +
          `<Users>${members}</Users><IsTruncated>false</IsTruncated>`,
      );
    }
    case 'GetUser':
      if (!has(existing.users, params.UserName))
        return noSuchEntity(`The user with name ${params.UserName} cannot be found.`);
      return queryResult(IAM_NAMESPACE, 'GetUser', `<User>${userXml(params.UserName)}</User>`);
    case 'GetRole': {
      const name = params.RoleName;
      if (!has(existing.roles, name)) return noSuchEntity(`The role with name ${name} cannot be found.`);
      return queryResult(
        IAM_NAMESPACE,
        'GetRole',
        `<Role><Path>/</Path><RoleName>${name}</RoleName><RoleId>AROA${idOf(name)}</RoleId>` +
          `<Arn>${iamArn(partition, accountId, 'role', name)}</Arn><CreateDate>${CREATED}</CreateDate>` +
          `<AssumeRolePolicyDocument>${encodeURIComponent(consoleTrustPolicy(partition, accountId))}</AssumeRolePolicyDocument>` +
          `<MaxSessionDuration>3600</MaxSessionDuration><RoleLastUsed/></Role>`,
      );
    }
    case 'GetPolicy': {
      const name = policyNamed(params.PolicyArn);
      if (!name) return noSuchEntity(`Policy ${params.PolicyArn} does not exist or is not attachable.`);
      return queryResult(
        IAM_NAMESPACE,
        'GetPolicy',
        `<Policy><PolicyName>${name}</PolicyName><PolicyId>ANPA${idOf(name)}</PolicyId><Arn>${policyArn(name)}</Arn>` +
          `<Path>/</Path><DefaultVersionId>v1</DefaultVersionId><AttachmentCount>1</AttachmentCount>` +
          `<IsAttachable>true</IsAttachable><CreateDate>${CREATED}</CreateDate><UpdateDate>${CREATED}</UpdateDate></Policy>`,
      );
    }
    case 'GetPolicyVersion': {
      if (!policyNamed(params.PolicyArn)) return noSuchEntity(`Policy ${params.PolicyArn} does not exist.`);
      // What the console writes for a policy made by hand: allow nothing in particular, to be replaced.
      const document = JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }],
      });
      return queryResult(
        IAM_NAMESPACE,
        'GetPolicyVersion',
        `<PolicyVersion><Document>${encodeURIComponent(document)}</Document><VersionId>v1</VersionId>` +
          `<IsDefaultVersion>true</IsDefaultVersion><CreateDate>${CREATED}</CreateDate></PolicyVersion>`,
      );
    }
    case 'ListRolePolicies':
      return queryResult(IAM_NAMESPACE, 'ListRolePolicies', '<PolicyNames/><IsTruncated>false</IsTruncated>');
    case 'ListAttachedRolePolicies':
      return queryResult(
        IAM_NAMESPACE,
        'ListAttachedRolePolicies',
        '<AttachedPolicies/><IsTruncated>false</IsTruncated>',
      );
    case 'ListPolicyVersions':
      return queryResult(
        IAM_NAMESPACE,
        'ListPolicyVersions',
        `<Versions><member><VersionId>v1</VersionId><IsDefaultVersion>true</IsDefaultVersion><CreateDate>${CREATED}</CreateDate></member></Versions><IsTruncated>false</IsTruncated>`,
      );
    case 'ListUserTags':
    case 'ListRoleTags':
    case 'ListPolicyTags':
      return queryResult(IAM_NAMESPACE, params.Action, '<Tags/><IsTruncated>false</IsTruncated>');
    default:
      return queryError(IAM_NAMESPACE, 'InvalidAction', `the loopback IAM does not answer ${params.Action}`, 400);
  }
}

/** A stable, id-like suffix for a name (IAM ids are 21 characters of upper case and digits). */
function idOf(name: string): string {
  return Buffer.from(name).toString('hex').toUpperCase().padEnd(17, '0').slice(0, 17);
}

const IAM_NAMESPACE = 'https://iam.amazonaws.com/doc/2010-05-08/';

function noSuchEntity(message: string): { status: number; xml: string } {
  return queryError(IAM_NAMESPACE, 'NoSuchEntity', message, 404);
}
