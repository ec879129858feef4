import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deployPermissionsByAccount, type SynthesizedStackJson } from '../../src/access';
import { toPolicyObject } from '../../src/policies';

/** Settings under which the stack creates every resource type it can, one account per kind. */
export const EVERY_RESOURCE_TYPE_SETTINGS = 'tools/docs/every-resource-type.yaml';

/** What each account of {@link EVERY_RESOURCE_TYPE_SETTINGS} stands for in the docs. */
const ACCOUNT_KINDS: Readonly<Record<string, string>> = {
  identity: 'The identity account (`identityAccount`): groups, users, their policies and memberships',
  target: 'Each account that holds roles (`roles[].account`)',
  storage: 'Each account that owns a bucket the stack creates (`buckets[].create: true`)',
};

/** Where the generated section sits in docs/terraform-cloud.md. */
export const DEPLOY_PERMISSIONS_MARKERS = {
  start: '<!-- generated: deploy permissions (tools/docs/deploy-permissions.ts) -->',
  end: '<!-- end of generated: deploy permissions -->',
} as const;

/**
 * The docs section listing, for each kind of account, the resource types the
 * stack creates there and the identity policy the deploying credentials need,
 * derived from the stack synthesized from {@link EVERY_RESOURCE_TYPE_SETTINGS}.
 * An account that is of several kinds (a target account that also owns a
 * created bucket) needs the union.
 */
export function renderDeployPermissions(stack: SynthesizedStackJson): string {
  const kinds = Object.keys(ACCOUNT_KINDS);
  const accounts = deployPermissionsByAccount(stack).sort(
    (a, b) => kinds.indexOf(a.account) - kinds.indexOf(b.account),
  );
  const blocks = accounts.map((entry) => {
    const kind = ACCOUNT_KINDS[entry.account];
    if (!kind) throw new Error(`${EVERY_RESOURCE_TYPE_SETTINGS}: account ${entry.account} has no description`);
    return [
      `#### ${kind}`,
      '',
      `Resource types: ${entry.resourceTypes.map((type) => `\`${type}\``).join(', ')}.`,
      '',
      '```json',
      JSON.stringify(toPolicyObject(entry.policy), null, 2),
      '```',
    ].join('\n');
  });
  return [
    DEPLOY_PERMISSIONS_MARKERS.start,
    '',
    ...blocks.flatMap((block) => [block, '']),
    DEPLOY_PERMISSIONS_MARKERS.end,
  ].join('\n');
}

/** The generated section as docs/terraform-cloud.md holds it now (between the markers, inclusive). */
export function documentedDeployPermissions(root: string): string {
  const text = readFileSync(join(root, 'docs/terraform-cloud.md'), 'utf8');
  const start = text.indexOf(DEPLOY_PERMISSIONS_MARKERS.start);
  const end = text.indexOf(DEPLOY_PERMISSIONS_MARKERS.end);
  return start < 0 || end < 0 ? '' : text.slice(start, end + DEPLOY_PERMISSIONS_MARKERS.end.length);
}
