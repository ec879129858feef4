import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli } from './support/run-cli';
import { synthesizeYaml } from './support/synthesize';
import { tempFolder } from './support/temp-folder';

/** Names every plain JavaScript object already holds through its prototype. */
const PROTOTYPE_NAMES = ['constructor', 'toString', 'valueOf', 'hasOwnProperty'] as const;

/** Settings where one prototype name is the identity account, another the target account, and a third every IAM name. */
function settingsNamed(identity: string, target: string, iamName: string): string {
  return [
    `identityAccount: ${identity}`,
    'accounts:',
    `  ${identity}: { id: "111111111111", profile: ${identity}-profile }`,
    `  ${target}: { id: "999999999999" }`,
    'roles:',
    `  - { name: ${iamName}, account: ${target}, profileName: ${iamName}-profile }`,
    'groups:',
    `  - { name: ${iamName}, allowAssume: [${iamName}] }`,
    'users:',
    `  - { name: ${iamName}, groups: [${iamName}] }`,
    'expectations:',
    `  - { principal: ${iamName}, can: sts:AssumeRole, on: ${iamName} }`,
    '',
  ].join('\n');
}

// [identity account key, target account key, user/group/role name]
const cases = PROTOTYPE_NAMES.map((name, i): [string, string, string] => [
  name,
  PROTOTYPE_NAMES[(i + 1) % PROTOTYPE_NAMES.length],
  PROTOTYPE_NAMES[(i + 2) % PROTOTYPE_NAMES.length],
]);

describe('names that plain JavaScript objects hold through their prototype', () => {
  it.each(cases)(
    'are ordinary names: identity account %s, target account %s, IAM name %s pass check, synth and verify',
    async (identity, target, iamName) => {
      const file = join(tempFolder('reserved-names-'), 'settings.yaml');
      writeFileSync(file, settingsNamed(identity, target, iamName));

      const check = await cli('check', '--config', file);
      expect(check.stderr).toBe('');
      expect(check).toMatchObject({ code: 0, stdout: `${file}: valid (2 accounts, 1 role, 1 group, 1 user)\n` });

      const { json } = synthesizeYaml(settingsNamed(identity, target, iamName));
      expect(json.provider?.aws?.map((provider) => [provider.alias, provider.allowed_account_ids])).toEqual([
        [identity, ['111111111111']],
        [target, ['999999999999']],
      ]);
      const roles = Object.values(json.resource?.aws_iam_role ?? {});
      expect(roles.map((role) => [role.name, role.provider])).toEqual([[iamName, `aws.${target}`]]);
      expect(Object.values(json.resource?.aws_iam_user ?? {}).map((user) => user.provider)).toEqual([
        `aws.${identity}`,
      ]);

      const verify = await cli('verify', '--config', file);
      expect(verify.stderr).toBe('');
      expect(verify.code).toBe(0);
      expect(verify.stdout).toContain('Expectations: all 1 hold');
    },
  );
});
