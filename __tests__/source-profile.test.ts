import { listRoleUsages } from '../src/access';
import { problemLinesOf } from './support/settings-error';
import { synthesizeSettingsFile, synthesizeYaml } from './support/synthesize';

const roleOutput = (json: ReturnType<typeof synthesizeYaml>['json']) =>
  Object.values(json.output ?? {})[0].value as Record<string, string>;

/** Tutorial 004's shape: admins deploy with devadmin and prodadmin; developers use their own credentials. */
const settingsYaml = (extra = '') => `
accounts:
  dev: { id: "111111111111", profile: devadmin }
  prod: { id: "999999999999", profile: prodadmin }
roles: [{ name: S3ProductionAccessRole }]
groups: [{ name: Developers, allowAssume: [S3ProductionAccessRole] }]
users: [{ name: John, groups: [Developers] }]
${extra}`;

describe("end users' source profile", () => {
  it('is never the deploying profile: every developer gets source_profile = default, not devadmin', () => {
    const { json } = synthesizeYaml(settingsYaml());
    expect(json.provider?.aws?.map((provider) => provider.profile)).toEqual(['devadmin', 'prodadmin']);
    expect(roleOutput(json)).toMatchObject({ source_profile: 'default' });
    expect(roleOutput(json).aws_config_profile).toContain('\nsource_profile = default\n');
    expect(listRoleUsages(json)[0].sourceProfile).toBe('default');
  });

  it('is the sourceProfile setting when the settings name one', () => {
    const { json } = synthesizeYaml(settingsYaml('sourceProfile: dev-sso'));
    expect(roleOutput(json)).toMatchObject({ source_profile: 'dev-sso' });
    expect(listRoleUsages(json)[0].sourceProfile).toBe('dev-sso');
  });

  it('keeps the default settings and the adoption example on `default` while Terraform deploys with dev or devadmin', () => {
    for (const file of ['config/default.yaml', 'config/examples/existing-users-and-groups.yaml']) {
      const { json } = synthesizeSettingsFile(file);
      expect(json.provider?.aws?.[0].profile).toMatch(/^dev/);
      expect(listRoleUsages(json)[0].sourceProfile).toBe('default');
    }
  });

  it.each<[string, string, string]>([
    [
      'a deploying profile',
      'sourceProfile: devadmin',
      'bad.yaml: sourceProfile: "devadmin" is the deploying profile of account "dev": end users assume roles from their own credentials, so name their profile (default: default)',
    ],
    [
      'a name that is not a profile name',
      'sourceProfile: "john smith"',
      'bad.yaml: sourceProfile: must be an AWS profile name: letters, digits and _ - . / % @ : + only (what the AWS SDKs read in a config file)',
    ],
  ])('refuses %s', (_, extra, line) => {
    expect(problemLinesOf(settingsYaml(extra))).toEqual([line]);
  });
});
