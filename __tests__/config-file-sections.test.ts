import { mergeConfigSections, profileSectionName, type ConfigSection } from '../src/aws-config/config-file-sections';
import { formatSectionDiff } from '../src/aws-config/section-diff';

const MANAGED = ['role_arn', 'source_profile', 'region', 'mfa_serial'];

const EXISTING = `# my AWS profiles - keep this comment
[default]
region = eu-west-1

; work account
[profile dev]
sso_start_url = https://example.awsapps.com/start
region = us-east-1

[profile prod-s3]
role_arn = arn:aws:iam::222222222222:role/old-role
source_profile = dev
output = table
mfa_serial = arn:aws:iam::111111111111:mfa/David
  # why: table is easier to read

# the sandbox, do not touch
[profile sandbox]
region = us-west-2
`;

const PROD_S3: ConfigSection = {
  name: 'profile prod-s3',
  entries: [
    ['role_arn', 'arn:aws:iam::222222222222:role/acc-to-read-prod-s3-bucket'],
    ['source_profile', 'acc'],
    ['region', 'us-east-1'],
  ],
};

describe('mergeConfigSections', () => {
  it('replaces a changed section in place and leaves other profiles and comments as they were', () => {
    const { text, changes } = mergeConfigSections(EXISTING, [PROD_S3], MANAGED);
    expect(changes.map((change) => change.status)).toEqual(['updated']);
    expect(text).toBe(`# my AWS profiles - keep this comment
[default]
region = eu-west-1

; work account
[profile dev]
sso_start_url = https://example.awsapps.com/start
region = us-east-1

[profile prod-s3]
role_arn = arn:aws:iam::222222222222:role/acc-to-read-prod-s3-bucket
source_profile = acc
region = us-east-1
output = table
  # why: table is easier to read

# the sandbox, do not touch
[profile sandbox]
region = us-west-2
`);
  });

  it('appends a new section after a blank line and ends the file with a newline', () => {
    const section: ConfigSection = { name: 'profile UpdateData', entries: [['region', 'eu-west-1']] };
    const { text, changes } = mergeConfigSections('[profile dev]\nregion = us-east-1', [section], MANAGED);
    expect(changes[0].status).toBe('added');
    expect(text).toBe('[profile dev]\nregion = us-east-1\n\n[profile UpdateData]\nregion = eu-west-1\n');
  });

  it('writes into an empty file without a leading blank line', () => {
    expect(mergeConfigSections('', [PROD_S3], MANAGED).text).toBe(
      '[profile prod-s3]\nrole_arn = arn:aws:iam::222222222222:role/acc-to-read-prod-s3-bucket\nsource_profile = acc\nregion = us-east-1\n',
    );
  });

  it('reports an identical section as unchanged and returns the text byte for byte', () => {
    const once = mergeConfigSections(EXISTING, [PROD_S3], MANAGED).text;
    const twice = mergeConfigSections(once, [PROD_S3], MANAGED);
    expect(twice.changes[0].status).toBe('unchanged');
    expect(twice.text).toBe(once);
  });

  it('keeps CRLF line endings', () => {
    const crlf = '[profile prod-s3]\r\nrole_arn = old\r\n\r\n[profile dev]\r\nregion = us-east-1\r\n';
    const { text } = mergeConfigSections(crlf, [PROD_S3], MANAGED);
    expect(text.split('\r\n')).toEqual([
      '[profile prod-s3]',
      'role_arn = arn:aws:iam::222222222222:role/acc-to-read-prod-s3-bucket',
      'source_profile = acc',
      'region = us-east-1',
      '',
      '[profile dev]',
      'region = us-east-1',
      '',
    ]);
  });

  it('keeps mixed line endings as they are, each new line taking the ending of the line above it', () => {
    const mixed = '[default]\r\nregion = eu-west-1\r\n\r\n[profile prod-s3]\nrole_arn = old\nsource_profile = dev\n';
    const { text } = mergeConfigSections(mixed, [PROD_S3], MANAGED);
    expect(text).toBe(
      '[default]\r\nregion = eu-west-1\r\n\r\n[profile prod-s3]\n' +
        'role_arn = arn:aws:iam::222222222222:role/acc-to-read-prod-s3-bucket\nsource_profile = acc\nregion = us-east-1\n',
    );
  });

  it('keeps comments inside a managed section where they were, an inline comment on a managed key too, and warns of the latter', () => {
    const existing = [
      '[profile prod-s3]',
      '# the role David uses',
      'role_arn = arn:aws:iam::222222222222:role/old-role  # set by hand',
      '; the identity account',
      'source_profile = dev',
      'output = json',
      'mfa_serial = arn:aws:iam::111111111111:mfa/David ; old device',
      '',
    ].join('\n');
    const { text, warnings } = mergeConfigSections(existing, [PROD_S3], MANAGED);
    expect(text).toBe(
      [
        '[profile prod-s3]',
        '# the role David uses',
        'role_arn = arn:aws:iam::222222222222:role/acc-to-read-prod-s3-bucket  # set by hand',
        '; the identity account',
        'source_profile = acc',
        'region = us-east-1',
        'output = json',
        '; old device',
        '',
      ].join('\n'),
    );
    expect(warnings).toEqual([
      'line 3: [profile prod-s3] role_arn keeps its comment "# set by hand", but the AWS CLI reads it as part of the value: put the comment on a line of its own',
    ]);
  });

  it('keeps the blank lines at the end of the file, after an updated and after an added section', () => {
    const updated = mergeConfigSections('[profile prod-s3]\nrole_arn = old\n\n\n', [PROD_S3], MANAGED).text;
    expect(updated).toBe(
      '[profile prod-s3]\nrole_arn = arn:aws:iam::222222222222:role/acc-to-read-prod-s3-bucket\nsource_profile = acc\nregion = us-east-1\n\n\n',
    );
    const added = mergeConfigSections('[profile dev]\nregion = us-east-1\n\n\n', [PROD_S3], MANAGED).text;
    expect(added).toBe(
      '[profile dev]\nregion = us-east-1\n\n[profile prod-s3]\nrole_arn = arn:aws:iam::222222222222:role/acc-to-read-prod-s3-bucket\nsource_profile = acc\nregion = us-east-1\n\n\n',
    );
  });

  it('leaves a profile that appears twice as it is and warns, instead of updating the first one', () => {
    const twice =
      '[profile prod-s3]\nrole_arn = a\n\n[profile dev]\nregion = us-east-1\n\n[profile  prod-s3]\nrole_arn = b\n';
    const { text, changes, problems } = mergeConfigSections(twice, [PROD_S3], MANAGED);
    expect(text).toBe(twice);
    expect(changes.map((change) => change.status)).toEqual(['duplicate']);
    expect(problems).toEqual([
      '[profile prod-s3] is in the file 2 times (lines 1 and 7), so it was left as it is: keep one of them and run profiles again',
    ]);
  });

  it('reads headers as botocore does: [ profile  prod-s3 ] is another section, [profile  "prod-s3"] is the same profile', () => {
    const spaced = '[ profile  prod-s3 ]\nrole_arn = old\n';
    expect(mergeConfigSections(spaced, [PROD_S3], MANAGED).text).toBe(
      `${spaced}\n[profile prod-s3]\nrole_arn = arn:aws:iam::222222222222:role/acc-to-read-prod-s3-bucket\nsource_profile = acc\nregion = us-east-1\n`,
    );
    const quoted = '[profile  "prod-s3"]\nrole_arn = old\n';
    const merged = mergeConfigSections(quoted, [PROD_S3], MANAGED);
    expect(merged.changes[0].status).toBe('updated');
    expect(merged.text).toBe(
      '[profile prod-s3]\nrole_arn = arn:aws:iam::222222222222:role/acc-to-read-prod-s3-bucket\nsource_profile = acc\nregion = us-east-1\n',
    );
  });

  it('reads `key: value` as botocore does, and drops the indented lines of a managed key it rewrites', () => {
    const colon = '[profile prod-s3]\nrole_arn: old\nregion =\n  nested = 1\noutput = json\n';
    expect(mergeConfigSections(colon, [PROD_S3], MANAGED).text).toBe(
      '[profile prod-s3]\nrole_arn = arn:aws:iam::222222222222:role/acc-to-read-prod-s3-bucket\nsource_profile = acc\nregion = us-east-1\noutput = json\n',
    );
  });

  it('names the default profile [default] and the others [profile <name>]', () => {
    expect([profileSectionName('default'), profileSectionName('prod-s3')]).toEqual(['default', 'profile prod-s3']);
  });
});

describe('formatSectionDiff', () => {
  it('shows removed and added lines of an updated section, with the unchanged ones as context', () => {
    const { changes } = mergeConfigSections(EXISTING, [PROD_S3], MANAGED);
    expect(formatSectionDiff('/home/david/.aws/config', changes)).toBe(`--- /home/david/.aws/config
+++ /home/david/.aws/config (after)
@@ [profile prod-s3] updated @@
 [profile prod-s3]
-role_arn = arn:aws:iam::222222222222:role/old-role
-source_profile = dev
+role_arn = arn:aws:iam::222222222222:role/acc-to-read-prod-s3-bucket
+source_profile = acc
+region = us-east-1
 output = table
-mfa_serial = arn:aws:iam::111111111111:mfa/David
   # why: table is easier to read
`);
  });

  it('says there is nothing to change when every section is unchanged', () => {
    const once = mergeConfigSections(EXISTING, [PROD_S3], MANAGED).text;
    expect(formatSectionDiff('config', mergeConfigSections(once, [PROD_S3], MANAGED).changes)).toBe(
      'config: no changes\n',
    );
  });
});
