import { join } from 'node:path';
import { accountIdsByAlias, listResources, listStackRoles, resolveReferences } from '../src/access';
import { parsePolicyDocument } from '../src/policies';
import type { SynthesizedResource } from '../src/access';
import { loadSettings, type Settings } from '../src/config';
import { CLEAN_ENV, PROJECT_ROOT } from './support/project';
import { synthesizeSettingsFile } from './support/synthesize';

const FILE = 'config/examples/three-target-accounts.yaml';
const settings = loadSettings(join(PROJECT_ROOT, FILE), CLEAN_ENV);
const { json: stack } = synthesizeSettingsFile(FILE);
const resources = listResources(stack);
const roles = listStackRoles(stack);

/** What the settings call for, resource by resource, as the constructs are documented to create them. */
function expectedResourceCount(settings: Settings): number {
  const sum = <T>(items: readonly T[], count: (item: T) => number) => items.reduce((n, item) => n + count(item), 0);
  const hasAssume = (holder: { allowAssume: string[]; denyAssume: string[] }) =>
    holder.allowAssume.length + holder.denyAssume.length > 0 ? 1 : 0;
  return (
    // role, bucket policy + its attachment, managed attachments, session revocation
    sum(settings.roles, (r) => 1 + (r.bucketAccess.length > 0 ? 2 : 0) + r.managedPolicyArns.length) +
    settings.roles.filter((r) => r.revokeSessionsBefore).length +
    // bucket, public access block, encryption, versioning
    4 * settings.buckets.filter((b) => b.create).length +
    sum(settings.groups, (g) => 1 + hasAssume(g) + g.managedPolicyArns.length) +
    sum(settings.users, (u) => 1 + (u.groups.length > 0 ? 1 : 0) + hasAssume(u))
  );
}

/** The role a target-account resource belongs to: its own name, or the role its `role` attribute references. */
function owningRole(resource: SynthesizedResource): string | undefined {
  if (resource.type === 'aws_iam_role') return String(resource.attributes.name);
  if (typeof resource.attributes.role === 'string') return resolveReferences(resource.attributes.role, stack);
  const attachment = resources.find(
    (other) => other.attributes.policy_arn === `\${${resource.type}.${resource.name}.arn}`,
  );
  return attachment && owningRole(attachment);
}

function assumePolicyOf(type: 'aws_iam_group_policy' | 'aws_iam_user_policy', key: 'group' | 'user', name: string) {
  const resource = resources.find(
    (r) => r.type === type && resolveReferences(String(r.attributes[key]), stack) === name,
  );
  return resource && parsePolicyDocument(resource.attributes.policy)?.statements;
}

describe('an identity account in front of three target accounts', () => {
  it('pins one aliased provider on each of the four accounts', () => {
    const pinned = Object.fromEntries(Object.entries(settings.accounts).map(([key, account]) => [key, account.id]));
    expect(Object.fromEntries(accountIdsByAlias(stack))).toEqual(pinned);
    expect(Object.keys(pinned).sort()).toEqual(['identity', 'prod', 'sandbox', 'staging']);
  });

  it("creates every role, policy and attachment through its own target account's provider", () => {
    const targetResources = resources.filter((r) => r.account !== settings.identityAccount);
    expect(targetResources.length).toBeGreaterThan(settings.roles.length);
    for (const resource of targetResources) {
      const role = settings.roles.find((r) => r.name === owningRole(resource));
      expect({ address: `${resource.type}.${resource.name}`, account: resource.account }).toEqual({
        address: `${resource.type}.${resource.name}`,
        account: role?.account,
      });
    }
    expect(new Set(targetResources.map((r) => r.account))).toEqual(new Set(['staging', 'prod', 'sandbox']));
  });

  it('keeps groups, users and their policies in the identity account only', () => {
    const people = resources.filter((r) => /^aws_iam_(group|user)/.test(r.type));
    expect(people.length).toBeGreaterThan(settings.users.length + settings.groups.length);
    expect(resources.filter((r) => r.account === settings.identityAccount)).toEqual(people);
  });

  it('names each role in group and user policies by Terraform reference to the role in its account', () => {
    const referenceTo = (roleName: string) => `\${${roles.find((r) => r.name === roleName)!.address}.arn}`;
    const holders = [
      ...settings.groups.map((g) => ({
        holder: g,
        statements: assumePolicyOf('aws_iam_group_policy', 'group', g.name),
      })),
      ...settings.users
        .filter((u) => u.allowAssume.length > 0)
        .map((u) => ({ holder: u, statements: assumePolicyOf('aws_iam_user_policy', 'user', u.name) })),
    ];
    for (const { holder, statements } of holders) {
      const named = (effect: string) =>
        statements?.filter((s) => s.effect === effect).flatMap((s) => s.resources ?? []);
      expect({ name: holder.name, allow: named('Allow'), deny: named('Deny') }).toEqual({
        name: holder.name,
        allow: holder.allowAssume.map(referenceTo),
        deny: holder.denyAssume.map(referenceTo),
      });
    }
    expect(roles.map((r) => `${r.name}@${r.accountId}`)).toEqual([
      'ProdAuditor@333333333333',
      'ProdOperator@333333333333',
      'ProdReportReader@333333333333',
      'SandboxPowerUser@444444444444',
      'StagingDeployer@222222222222',
    ]);
  });

  it('synthesizes exactly the resources the settings call for', () => {
    expect(resources).toHaveLength(expectedResourceCount(settings));
  });
});
