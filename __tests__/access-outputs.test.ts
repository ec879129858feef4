import { NO_SWITCH_ROLE_NOTE, toProfileText } from '../src/stack';
import { synthesizeSettingsFile } from './support/synthesize';

const plain = {
  profileName: 'prod-s3',
  roleArn: 'arn:aws:iam::999999999999:role/R',
  sourceProfile: 'dev',
  region: 'us-east-1',
  identityAccountId: '111111111111',
  partition: 'aws' as const,
};

describe('the AWS CLI profile text', () => {
  it('has only role_arn, source_profile and region for a role without conditions', () => {
    expect(toProfileText(plain)).toBe(
      '[profile prod-s3]\nrole_arn = arn:aws:iam::999999999999:role/R\nsource_profile = dev\nregion = us-east-1\n',
    );
  });

  it('gains mfa_serial, external_id and role_session_name, each per-person line with a comment saying what to write', () => {
    expect(
      toProfileText({ ...plain, requireMfa: true, externalId: 'a-shared-secret-id', sessionNameMustMatchUser: true }),
    ).toBe(
      [
        '[profile prod-s3]',
        'role_arn = arn:aws:iam::999999999999:role/R',
        'source_profile = dev',
        '# the role requires MFA: replace <your-mfa-device> with the name of your MFA device in account 111111111111',
        'mfa_serial = arn:aws:iam::111111111111:mfa/<your-mfa-device>',
        'external_id = a-shared-secret-id',
        '# the role accepts only sessions named after you: replace <your-user-name> with your IAM user name',
        'role_session_name = <your-user-name>',
        'region = us-east-1',
        '',
      ].join('\n'),
    );
  });
});

describe('the role outputs', () => {
  it('omit the switch-role URL for a role with an external id, with a note saying why', () => {
    const value = synthesizeSettingsFile('config/examples/hardened.yaml').json.output!.role_S3ProductionAccessRole
      .value as Record<string, string>;
    expect(value).not.toHaveProperty('switch_role_url');
    expect(value.switch_role_note).toBe(NO_SWITCH_ROLE_NOTE);
    expect(value.aws_config_profile).toContain('external_id = a-shared-secret-id');
  });

  it('keep the switch-role URL for a role without an external id', () => {
    const value = synthesizeSettingsFile('config/default.yaml').json.output!.role_S3ProductionAccessRole
      .value as Record<string, string>;
    expect(value.switch_role_url).toMatch(
      /^https:\/\/signin\.aws\.amazon\.com\/switchrole\?roleName=S3ProductionAccessRole/,
    );
    expect(value).not.toHaveProperty('switch_role_note');
  });
});
