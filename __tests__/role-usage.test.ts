import { findRoleUsage, listRoleUsages, roleBucketGrants } from '../src/access';
import { UserError } from '../src/user-error';
import { synthesizeSettingsFile, synthesizeYaml } from './support/synthesize';

describe('listRoleUsages', () => {
  it("gives tutorial 000's role its prod-s3 profile, assumed from the default profile (not the deploying acc) in us-east-1", () => {
    const [role] = listRoleUsages(synthesizeSettingsFile('config/examples/acc-to-prod-s3.yaml').json);
    expect(role).toMatchObject({
      name: 'acc-to-read-prod-s3-bucket',
      arn: 'arn:aws:iam::222222222222:role/acc-to-read-prod-s3-bucket',
      profileName: 'prod-s3',
      sourceProfile: 'default',
      region: 'us-east-1',
      identityAccountId: '111111111111',
      requirements: { mfa: false, sessionNameMustMatchUser: false },
    });
  });

  it("reads the profile's name, source profile and region from the output's fields, not from its text", () => {
    const { json } = synthesizeSettingsFile('config/examples/acc-to-prod-s3.yaml');
    const output = Object.values(json.output ?? {})[0].value as Record<string, unknown>;
    Object.assign(output, {
      aws_config_profile: '',
      profile_name: 'renamed',
      source_profile: 'sso',
      region: 'eu-west-1',
    });
    expect(listRoleUsages(json)[0]).toMatchObject({
      profileName: 'renamed',
      sourceProfile: 'sso',
      region: 'eu-west-1',
    });
  });

  it("never falls back to a provider's deploying profile when the output names no source profile", () => {
    const { json } = synthesizeSettingsFile('config/examples/acc-to-prod-s3.yaml');
    const output = Object.values(json.output ?? {})[0].value as Record<string, unknown>;
    delete output.source_profile;
    expect(json.provider?.aws?.map((provider) => provider.profile)).toContain('acc');
    expect(listRoleUsages(json)[0].sourceProfile).toBe('default');
  });

  it('reads every requirement of the hardened example from its synthesized trust policy', () => {
    const [role] = listRoleUsages(synthesizeSettingsFile('config/examples/hardened.yaml').json);
    expect(role.requirements).toEqual({
      mfa: true,
      mfaMaxAgeSeconds: 3600,
      externalId: 'a-shared-secret-id',
      sessionNameMustMatchUser: true,
    });
  });

  it('falls back to the role name as profile and `default` as source profile when the settings name none', () => {
    const [role] = listRoleUsages(synthesizeSettingsFile('config/examples/trusting-trusted-user-policy.yaml').json);
    expect(role).toMatchObject({ profileName: 'my-s3-x-account-role', sourceProfile: 'default', region: 'us-west-2' });
  });

  it("carries the role output's switch-role URL with the display name", () => {
    const [role] = listRoleUsages(synthesizeSettingsFile('config/examples/trusting-trusted-user-policy.yaml').json);
    expect(role.switchRoleUrl).toBe(
      'https://signin.aws.amazon.com/switchrole?roleName=my-s3-x-account-role&account=210987654321&displayName=trusting-s3-readonly',
    );
  });
});

describe('findRoleUsage', () => {
  const stack = synthesizeSettingsFile('config/examples/acc-to-prod-s3.yaml').json;

  it('finds a role by IAM name, profile name or ARN', () => {
    const names = [
      'acc-to-read-prod-s3-bucket',
      'prod-s3',
      'arn:aws:iam::222222222222:role/acc-to-read-prod-s3-bucket',
    ];
    expect(names.map((name) => findRoleUsage(stack, name).name)).toEqual(Array(3).fill('acc-to-read-prod-s3-bucket'));
  });

  it('explains a role name that is not in the stack, listing those that are', () => {
    expect(() => findRoleUsage(stack, 'acc-to-write')).toThrow(
      new UserError('role "acc-to-write" is not in the stack; its roles: acc-to-read-prod-s3-bucket'),
    );
  });
});

describe('roleBucketGrants', () => {
  it('lists the object actions each role was given on each bucket', () => {
    const { json } = synthesizeYaml(`
accounts: { dev: { id: '111111111111' }, prod: { id: '999999999999' } }
buckets: [{ name: reports }, { name: uploads }]
roles:
  - name: Reader
    bucketAccess: [{ bucket: reports, access: read-only }, { bucket: uploads, access: read-write }]
  - name: Other
    bucketAccess: [{ bucket: reports, access: read-write }]
`);
    expect(roleBucketGrants(json, findRoleUsage(json, 'Reader'))).toEqual([
      { bucket: 'reports', objectActions: ['s3:GetObject'] },
      { bucket: 'uploads', objectActions: ['s3:DeleteObject', 's3:GetObject', 's3:PutObject'] },
    ]);
  });
});
