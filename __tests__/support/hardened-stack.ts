import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildApp } from '../../src/app';
import { loadSettings } from '../../src/config';
import { STACK_NAME } from '../../src/stack';
import { PROJECT_ROOT } from './synthesize';
import { tempFolder } from './temp-folder';

/** Trust conditions as the hardening settings synthesize them (requireMfa, externalId, sessionNameMustMatchUser). */
export const HARDENED_CONDITIONS = {
  Bool: { 'aws:MultiFactorAuthPresent': 'true' },
  NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' },
  StringEquals: { 'sts:ExternalId': 'a-shared-secret-id' },
  StringLike: { 'sts:RoleSessionName': '${aws:username}' },
};

/**
 * A cdktf.out of a project settings file whose roles' trust policies carry
 * `conditions` (the JSON the hardened trust settings produce), for commands
 * that read an existing cdktf.out with `--outdir`.
 */
export function synthesizeWithTrustConditions(settingsFile: string, conditions: object): string {
  const outdir = tempFolder('hardened-out-');
  buildApp(loadSettings(join(PROJECT_ROOT, settingsFile), {}), outdir).synth();
  const manifest = JSON.parse(readFileSync(join(outdir, 'manifest.json'), 'utf8'));
  const stackFile = join(outdir, manifest.stacks[STACK_NAME].synthesizedStackPath);
  const stack = JSON.parse(readFileSync(stackFile, 'utf8'));
  for (const role of Object.values<{ assume_role_policy: string }>(stack.resource.aws_iam_role)) {
    const policy = JSON.parse(role.assume_role_policy);
    for (const statement of policy.Statement) statement.Condition = conditions;
    role.assume_role_policy = JSON.stringify(policy);
  }
  writeFileSync(stackFile, JSON.stringify(stack, null, 2));
  return outdir;
}
