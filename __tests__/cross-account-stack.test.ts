import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from './support/project';
import { synthesizeSettingsFile, synthesizeYaml } from './support/synthesize';

type Resources = Record<string, Record<string, Record<string, unknown>>>;

const defaults = synthesizeSettingsFile('config/default.yaml');
const resources = defaults.json.resource as Resources;
const only = (type: string) => Object.values(resources[type] ?? {});
const parsePolicy = (text: unknown) => JSON.parse(String(text)) as { Statement: Record<string, unknown>[] };
const roleAddress = Object.keys(resources.aws_iam_role)[0];
const roleArnReference = `\${aws_iam_role.${roleAddress}.arn}`;

/** The default settings with whole top-level keys replaced by the given lines. */
const defaultYaml = readFileSync(join(PROJECT_ROOT, 'config/default.yaml'), 'utf8');
const withDefault = (replace: Record<string, string>) =>
  defaultYaml
    .split('\n')
    .map((line) => {
      const key = Object.keys(replace).find((k) => line.startsWith(`${k}:`));
      return key ? replace[key] : line;
    })
    .join('\n');

describe('providers', () => {
  it('gives each account an aliased aws provider pinned to its account id and profile', () => {
    expect(defaults.json.provider?.aws).toEqual([
      { alias: 'dev', allowed_account_ids: ['111111111111'], profile: 'dev', region: 'us-east-1' },
      { alias: 'prod', allowed_account_ids: ['999999999999'], profile: 'prod', region: 'us-east-1' },
    ]);
  });

  it('assumes a role to reach an account when assumeRoleArn is set, and applies default tags', () => {
    const { text } = synthesizeYaml(
      withDefault({
        tags: 'tags: { team: platform }',
      }).replace(
        'prod: { id: "999999999999", profile: prod }',
        'prod: { id: "999999999999", assumeRoleArn: "arn:aws:iam::999999999999:role/TerraformDeployer" }',
      ),
    );
    expect(text).toHaveProviderWithProperties(
      { tfResourceType: 'aws' },
      {
        alias: 'prod',
        assume_role: [{ role_arn: 'arn:aws:iam::999999999999:role/TerraformDeployer' }],
        default_tags: [{ tags: { team: 'platform' } }],
      },
    );
  });

  it('creates every IAM resource on the provider of the account that holds it', () => {
    const providerByType = Object.fromEntries(
      Object.entries(resources)
        .filter(([type]) => type.startsWith('aws_'))
        .map(([type, byName]) => [type, [...new Set(Object.values(byName).map((r) => r.provider))]]),
    );
    expect(providerByType).toEqual({
      aws_iam_group: ['aws.dev'],
      aws_iam_group_policy: ['aws.dev'],
      aws_iam_user: ['aws.dev'],
      aws_iam_user_group_membership: ['aws.dev'],
      aws_iam_policy: ['aws.prod'],
      aws_iam_role: ['aws.prod'],
      aws_iam_role_policy_attachment: ['aws.prod'],
    });
  });
});

describe('target account role', () => {
  it('trusts the identity account root to assume the role', () => {
    const [role] = only('aws_iam_role');
    expect(role.name).toBe('S3ProductionAccessRole');
    expect(role.max_session_duration).toBe(3600);
    expect(parsePolicy(role.assume_role_policy).Statement).toEqual([
      {
        Sid: 'TrustIdentityAccount',
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::111111111111:root' },
        Action: 'sts:AssumeRole',
      },
    ]);
  });

  it('grants tutorial 004 least-privilege S3 statements for read-write access', () => {
    const [policy] = only('aws_iam_policy');
    expect(policy.name).toBe('S3ProductionAccessPolicy');
    expect(parsePolicy(policy.policy).Statement).toEqual([
      { Sid: 'ListAllBuckets', Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' },
      {
        Sid: 'ListBucketProductionapp',
        Effect: 'Allow',
        Action: ['s3:ListBucket', 's3:GetBucketLocation'],
        Resource: 'arn:aws:s3:::productionapp',
      },
      {
        Sid: 'ReadWriteObjectsProductionapp',
        Effect: 'Allow',
        Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
        Resource: 'arn:aws:s3:::productionapp/*',
      },
    ]);
  });

  it('attaches the bucket policy to the role by reference', () => {
    const policyAddress = Object.keys(resources.aws_iam_policy)[0];
    expect(only('aws_iam_role_policy_attachment')).toEqual([
      expect.objectContaining({
        role: `\${aws_iam_role.${roleAddress}.name}`,
        policy_arn: `\${aws_iam_policy.${policyAddress}.arn}`,
      }),
    ]);
  });

  it('writes the revocation policy only when revokeSessionsBefore is set', () => {
    expect(resources.aws_iam_role_policy).toBeUndefined();
    const { json } = synthesizeYaml(
      defaultYaml.replace('revokeSessionsBefore: null', 'revokeSessionsBefore: "2026-11-24T13:30:00+01:00"'),
    );
    const inline = Object.values((json.resource as Resources).aws_iam_role_policy);
    expect(inline).toHaveLength(1);
    expect(inline[0].name).toBe('AWSRevokeOlderSessions');
    expect(parsePolicy(inline[0].policy).Statement).toEqual([
      {
        Sid: 'RevokeOlderSessions',
        Effect: 'Deny',
        Action: '*',
        Resource: '*',
        Condition: { DateLessThan: { 'aws:TokenIssueTime': '2026-11-24T12:30:00Z' } },
      },
    ]);
  });

  it('grants only GetObject on objects for read-only access and attaches managed policies', () => {
    const { json } = synthesizeSettingsFile('config/examples/acc-to-prod-s3.yaml');
    const [policy] = Object.values((json.resource as Resources).aws_iam_policy);
    expect(parsePolicy(policy.policy).Statement[2]).toEqual({
      Sid: 'ReadObjectsListProdBktDetails01',
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::list-prod-bkt-details-01/*',
    });
    const managed = synthesizeSettingsFile('config/examples/trusting-trusted-user-policy.yaml').text;
    expect(managed).toHaveResourceWithProperties(
      { tfResourceType: 'aws_iam_role_policy_attachment' },
      { policy_arn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess', provider: 'aws.trusting' },
    );
  });
});

describe('identity account', () => {
  it('allows Developers and explicitly denies Testers the role, by reference to its ARN', () => {
    const policies = Object.fromEntries(
      only('aws_iam_group_policy').map((p) => [String(p.group), parsePolicy(p.policy).Statement]),
    );
    const groupRef = (name: string) =>
      `\${aws_iam_group.${Object.entries(resources.aws_iam_group).find(([, g]) => g.name === name)![0]}.name}`;
    expect(policies[groupRef('Developers')]).toEqual([
      {
        Sid: 'AllowAssumeS3ProductionAccessRole',
        Effect: 'Allow',
        Action: 'sts:AssumeRole',
        Resource: roleArnReference,
      },
    ]);
    expect(policies[groupRef('Testers')]).toEqual([
      { Sid: 'DenyAssumeS3ProductionAccessRole', Effect: 'Deny', Action: 'sts:AssumeRole', Resource: roleArnReference },
    ]);
  });

  it('makes John a member of Developers and Sri of Testers, without exclusive membership', () => {
    const memberships = only('aws_iam_user_group_membership').map((m) => [m.user, m.groups]);
    const ref = (type: string, name: string) =>
      `\${${type}.${Object.entries(resources[type]).find(([, r]) => r.name === name)![0]}.name}`;
    expect(memberships).toEqual([
      [ref('aws_iam_user', 'John'), [ref('aws_iam_group', 'Developers')]],
      [ref('aws_iam_user', 'Sri'), [ref('aws_iam_group', 'Testers')]],
    ]);
    expect(resources.aws_iam_group_membership).toBeUndefined();
  });

  it('attaches PowerUserAccess to Analysts and still denies them the role', () => {
    const { text, json } = synthesizeSettingsFile('config/examples/originating-to-destination.yaml');
    expect(text).toHaveResourceWithProperties(
      { tfResourceType: 'aws_iam_group_policy_attachment' },
      { policy_arn: 'arn:aws:iam::aws:policy/PowerUserAccess', provider: 'aws.originating' },
    );
    const analysts = Object.values((json.resource as Resources).aws_iam_group_policy).find((p) =>
      String(p.group).includes('Analysts'),
    );
    expect(parsePolicy(analysts?.policy).Statement).toEqual([
      expect.objectContaining({ Effect: 'Deny', Sid: 'DenyAssumeUpdateData' }),
    ]);
  });

  it('gives a user its own inline assume-role policy when the user names the role', () => {
    const { json } = synthesizeYaml(
      defaultYaml.replace(
        '  - { name: John, groups: [Developers] }',
        '  - { name: John, allowAssume: [S3ProductionAccessRole] }',
      ),
    );
    const [policy] = Object.values((json.resource as Resources).aws_iam_user_policy);
    expect(policy.provider).toBe('aws.dev');
    expect(policy.name).toBe('AssumeCrossAccountRoles');
    expect(parsePolicy(policy.policy).Statement).toEqual([
      expect.objectContaining({ Effect: 'Allow', Resource: expect.stringMatching(/^\$\{aws_iam_role\..+\.arn\}$/) }),
    ]);
  });
});

describe('created buckets', () => {
  it('creates a private, encrypted, versioned bucket that is never force-destroyed', () => {
    const { text } = synthesizeSettingsFile('config/examples/originating-to-destination.yaml');
    const provider = 'aws.destination';
    expect(text).toHaveResourceWithProperties(
      { tfResourceType: 'aws_s3_bucket' },
      { bucket: 'shared-container-bucket-example', force_destroy: false, provider },
    );
    expect(text).toHaveResourceWithProperties(
      { tfResourceType: 'aws_s3_bucket_public_access_block' },
      { block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true },
    );
    expect(text).toHaveResourceWithProperties(
      { tfResourceType: 'aws_s3_bucket_server_side_encryption_configuration' },
      { rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: 'AES256' } }] },
    );
    expect(text).toHaveResourceWithProperties(
      { tfResourceType: 'aws_s3_bucket_versioning' },
      { versioning_configuration: { status: 'Enabled' } },
    );
  });

  it('creates no bucket that the settings say exists already', () => {
    expect(resources.aws_s3_bucket).toBeUndefined();
  });
});

describe('outputs', () => {
  it('gives the role ARN, the switch-role URL, the profile text and its name, source profile and region', () => {
    expect(defaults.json.output).toEqual({
      role_S3ProductionAccessRole: {
        description: 'How to use role S3ProductionAccessRole in account 999999999999',
        value: {
          arn: roleArnReference,
          switch_role_url:
            'https://signin.aws.amazon.com/switchrole?roleName=S3ProductionAccessRole&account=999999999999&displayName=prod-S3ProductionAccessRole',
          aws_config_profile: `[profile S3ProductionAccessRole]\nrole_arn = ${roleArnReference}\nsource_profile = default\nregion = us-east-1\n`,
          profile_name: 'S3ProductionAccessRole',
          source_profile: 'default',
          region: 'us-east-1',
        },
      },
    });
  });

  it('uses the default profile as source when the identity account names none', () => {
    const { json } = synthesizeSettingsFile('config/examples/trusting-trusted-user-policy.yaml');
    const output = json.output?.['role_my-s3-x-account-role']?.value as Record<string, string>;
    expect(output.aws_config_profile).toContain('source_profile = default\n');
    expect(output.switch_role_url).toContain('displayName=trusting-s3-readonly');
  });
});

describe('state backend', () => {
  it('keeps state locally at a relative path of its own by default', () => {
    expect(defaults.json.terraform?.backend).toEqual({
      local: { path: '../../../terraform.cross-account-config-default.tfstate' },
    });
  });

  it('uses Terraform Cloud when the settings say so', () => {
    const { json } = synthesizeYaml(
      withDefault({ backend: 'backend: { type: cloud, organization: acme, workspace: iam-prod }' }),
    );
    expect(json.terraform?.cloud).toEqual({
      hostname: 'app.terraform.io',
      organization: 'acme',
      workspaces: { name: 'iam-prod' },
    });
    expect(json.terraform?.backend).toBeUndefined();
  });

  it('uses Terraform Cloud when TF_CLOUD_ORGANIZATION and TF_WORKSPACE are set', () => {
    const { json } = synthesizeYaml(defaultYaml, {
      TF_CLOUD_ORGANIZATION: 'acme',
      TF_WORKSPACE: 'iam-dev',
      TF_CLOUD_HOSTNAME: 'tfe.example.com',
    });
    expect(json.terraform?.cloud).toEqual({
      hostname: 'tfe.example.com',
      organization: 'acme',
      workspaces: { name: 'iam-dev' },
    });
  });
});

describe('the whole synthesized stack', () => {
  it('matches the snapshot, with nothing machine-specific in it', () => {
    expect(defaults.text).not.toMatch(/\/(home|root|tmp|work|Users)\//);
    expect(defaults.json).toMatchSnapshot();
  });
});
