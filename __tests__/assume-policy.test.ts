import { readStackPrincipals } from '../src/access';
import { verifyStack } from '../src/verify';
import { problemLinesOf } from './support/settings-error';
import { synthesizeSettingsFile, synthesizeYaml } from './support/synthesize';

type Blocks = Record<string, Record<string, Record<string, unknown>>>;
const only = (blocks: unknown, type: string) => Object.values((blocks as Blocks)[type] ?? {});

/** Two accounts, one role; the identity side as given. */
const settingsYaml = (identity: string) => `
accounts:
  dev: { id: "111111111111" }
  prod: { id: "999999999999" }
roles:
  - { name: AppRole, bucketAccess: [{ bucket: app, access: read-only }] }
buckets: [{ name: app }]
${identity}`;

describe('the assume policy of groups and users', () => {
  it('is the inline AssumeCrossAccountRoles unless the settings name it', () => {
    const names = only(synthesizeSettingsFile('config/default.yaml').json.resource, 'aws_iam_group_policy').map(
      (policy) => policy.name,
    );
    expect(names).toEqual(['AssumeCrossAccountRoles', 'AssumeCrossAccountRoles']);
  });

  it("carries tutorial 000's inline name on DevGroup", () => {
    const [policy] = only(
      synthesizeSettingsFile('config/examples/acc-to-prod-s3.yaml').json.resource,
      'aws_iam_group_policy',
    );
    expect(policy.name).toBe('allow-assume-S3-role-in-prod');
  });

  it("reproduces tutorial 004's allow and deny policy names on Developers and Testers", () => {
    const { resource } = synthesizeSettingsFile('config/examples/existing-users-and-groups.yaml').json;
    expect(only(resource, 'aws_iam_group_policy').map((policy) => policy.name)).toEqual([
      'allow-assume-S3-role-in-production',
      'deny-assume-S3-role-in-production',
    ]);
  });

  it('reproduces tutorial 002: the customer managed my-s3-x-account-policy, attached to the user rehan', () => {
    const { json } = synthesizeSettingsFile('config/examples/trusting-trusted-user-policy.yaml');
    const [policyAddress, policy] = Object.entries((json.resource as Blocks).aws_iam_policy)[0];
    expect(policy).toMatchObject({ name: 'my-s3-x-account-policy', provider: 'aws.trusted' });
    expect(JSON.parse(String(policy.policy)).Statement).toEqual([
      expect.objectContaining({
        Effect: 'Allow',
        Action: 'sts:AssumeRole',
        Resource: expect.stringMatching(/^\$\{aws_iam_role\..+\.arn\}$/),
      }),
    ]);
    const [rehan] = Object.keys((json.data as Blocks).aws_iam_user);
    expect(only(json.resource, 'aws_iam_user_policy_attachment')).toEqual([
      expect.objectContaining({
        user: `\${data.aws_iam_user.${rehan}.user_name}`,
        policy_arn: `\${aws_iam_policy.${policyAddress}.arn}`,
      }),
    ]);
    expect(json.resource?.aws_iam_user_policy).toBeUndefined();
  });

  it("lets verify read the managed policy back as the user's and decide by it", async () => {
    const { json } = synthesizeSettingsFile('config/examples/trusting-trusted-user-policy.yaml');
    const { users } = await readStackPrincipals(json);
    expect(users[0].policies.map((policy) => [policy.label, policy.origin, policy.arn])).toEqual([
      ['rehan/my-s3-x-account-policy', 'customer-managed', 'arn:aws:iam::123456789012:policy/my-s3-x-account-policy'],
    ]);
    const { matrix } = await verifyStack(json, []);
    expect(matrix.assume[0]).toMatchObject({ principal: 'rehan', decision: 'Allowed' });
    expect(matrix.assume[0].because).toMatch(/^rehan\/my-s3-x-account-policy \(AllowAssumeMyS3XAccountRole\)/);
  });

  it('attaches a managed assume policy to a group too', () => {
    const { json } = synthesizeYaml(
      settingsYaml(
        'groups: [{ name: Testers, denyAssume: [AppRole], assumePolicy: { name: deny-app, type: managed } }]',
      ),
    );
    expect(only(json.resource, 'aws_iam_policy').map((policy) => policy.name)).toContain('deny-app');
    expect(only(json.resource, 'aws_iam_group_policy_attachment')).toHaveLength(1);
    expect(json.resource?.aws_iam_group_policy).toBeUndefined();
  });
});

describe("users' managed policies", () => {
  it('attaches them to the user, and verify counts them as the user’s', async () => {
    const { json } = synthesizeYaml(
      settingsYaml('users: [{ name: Ana, managedPolicyArns: [arn:aws:iam::aws:policy/ReadOnlyAccess] }]'),
    );
    expect(only(json.resource, 'aws_iam_user_policy_attachment')).toEqual([
      expect.objectContaining({ policy_arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess', provider: 'aws.dev' }),
    ]);
    const { users } = await readStackPrincipals(json);
    expect(users[0].policies.map((policy) => [policy.label, policy.origin])).toEqual([
      ['Ana/ReadOnlyAccess', 'aws-managed'],
    ]);
    expect(users[0].policies[0].document).toBeDefined();
  });
});

describe('settings of assume policies', () => {
  it.each<[string, string, string]>([
    [
      'two managed assume policies of one name in the identity account',
      'groups: [{ name: A, allowAssume: [AppRole], assumePolicy: { name: p, type: managed } }]\nusers: [{ name: U, allowAssume: [AppRole], assumePolicy: { name: P, type: managed } }]',
      'bad.yaml: users[0].assumePolicy.name: "P" is already the managed policy of group "A" in account "dev": names are unique in an account',
    ],
    [
      'import of an inline assume policy',
      'groups: [{ name: A, allowAssume: [AppRole], assumePolicy: { name: p, existing: import } }]',
      'bad.yaml: groups[0].assumePolicy.existing: is import but type is inline: an inline policy of the same name is replaced without import; remove existing',
    ],
    [
      'an unknown kind of policy',
      'groups: [{ name: A, assumePolicy: { type: customer } }]',
      'bad.yaml: groups[0].assumePolicy.type: Invalid option: expected one of "inline"|"managed"',
    ],
    [
      "a user's managed policy in another partition",
      'users: [{ name: U, managedPolicyArns: [arn:aws-cn:iam::aws:policy/ReadOnlyAccess] }]',
      'bad.yaml: users[0].managedPolicyArns[0]: "arn:aws-cn:iam::aws:policy/ReadOnlyAccess" is in partition aws-cn but region us-east-1 is in aws: write arn:aws:…',
    ],
  ])('refuses %s', (_, identity, line) => {
    expect(problemLinesOf(settingsYaml(identity))).toEqual([line]);
  });

  it('refuses a managed assume policy named like a role policy of the identity account', () => {
    const yaml = settingsYaml(
      'users: [{ name: U, allowAssume: [AppRole], assumePolicy: { name: LocalRolePolicy, type: managed } }]',
    )
      .replace(
        'roles:\n',
        'roles:\n  - { name: LocalRole, account: dev, bucketAccess: [{ bucket: devapp, access: read-only }] }\n',
      )
      .replace('buckets: [{ name: app }]', 'buckets: [{ name: app }, { name: devapp, account: dev }]');
    expect(problemLinesOf(yaml)).toEqual([
      'bad.yaml: users[0].assumePolicy.name: "LocalRolePolicy" is already the managed policy of role "LocalRole" in account "dev": names are unique in an account',
    ]);
  });
});
