import { parseSettings } from '../src/config';
import { BENCH_CASES } from '../tools/bench/bench-cases';
import { generateSettingsYaml, IDENTITY_ACCOUNT, type SettingsSize } from '../tools/bench/generate-settings';
import { synthesizeYaml } from './support/synthesize';
import { listResources } from '../src/access';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runVerify } from '../src/cli/verify-command';
import { tempFolder } from './support/temp-folder';

const generatedSizes = BENCH_CASES.flatMap((c) => (typeof c.settings === 'string' ? [] : [c.settings]));

describe('settings the benchmark generates', () => {
  it.each(generatedSizes.map((size) => [size.users, size] as const))(
    'are valid and of the asked size for %i users',
    (_, size: SettingsSize) => {
      const settings = parseSettings(generateSettingsYaml(size), 'generated.yaml', {});
      expect({
        users: settings.users.length,
        groups: settings.groups.length,
        roles: settings.roles.length,
        targetAccounts: Object.keys(settings.accounts).length - 1,
      }).toEqual(size);
    },
  );

  it('spread roles over every target account, with every kind of access', () => {
    const size = { users: 30, groups: 6, roles: 10, targetAccounts: 4 };
    const settings = parseSettings(generateSettingsYaml(size), 'generated.yaml', {});
    const targets = Object.keys(settings.accounts).filter((key) => key !== IDENTITY_ACCOUNT);
    expect(new Set(settings.roles.map((r) => r.account))).toEqual(new Set(targets));
    expect(new Set(settings.roles.flatMap((r) => r.bucketAccess.map((a) => a.access)))).toEqual(
      new Set(['read-only', 'read-write']),
    );
    expect(settings.roles.filter((r) => r.managedPolicyArns.length > 0)).not.toHaveLength(0);
    expect(settings.groups.filter((g) => g.denyAssume.length > 0)).not.toHaveLength(0);
    expect(settings.users.filter((u) => u.groups.length === 2)).not.toHaveLength(0);
    expect(listResources(synthesizeYaml(generateSettingsYaml(size)).json).length).toBeGreaterThan(2 * size.users);
  });

  it('pass verify, so that the benchmark times a verify that did its whole job (it stops at a failing one)', async () => {
    const file = join(tempFolder('bench-settings-'), 'generated.yaml');
    writeFileSync(file, generateSettingsYaml({ users: 30, groups: 6, roles: 10, targetAccounts: 4 }));
    const report = await runVerify({ config: file });
    expect(report.problems).toEqual([]);
    expect(report.review.filter((finding) => finding.acknowledged !== undefined)).not.toHaveLength(0);
  });
});
