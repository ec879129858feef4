import { readStackPrincipals, type SynthesizedStackJson } from '../src/access';
import { buildAccessMatrix } from '../src/verify/access-matrix';
import { checkExpectations, type Expectation } from '../src/verify/check-expectations';
import { reviewAccess } from '../src/verify/review/review-access';
import { synthesizeSettingsFile, synthesizeYaml } from './support/synthesize';

/** The review findings of a synthesized stack, after the matrix and `expectations` are evaluated as verify does. */
async function review(json: SynthesizedStackJson, expectations: readonly Expectation[] = []) {
  const principals = await readStackPrincipals(json);
  const matrix = await buildAccessMatrix(principals);
  const checked = await checkExpectations(expectations, principals);
  const evaluated = [...matrix.assume, ...matrix.roleActions, ...checked.map((result) => result.entry)];
  return reviewAccess(principals, matrix.assume, evaluated);
}

const ids = (findings: Awaited<ReturnType<typeof review>>) =>
  findings.map((finding) => [finding.finding, finding.principal]);

const ACCOUNTS = 'accounts: { dev: { id: "111111111111" }, prod: { id: "999999999999" } }';

describe('the review of what each principal may do', () => {
  it.each(['config/default.yaml', 'config/examples/hardened.yaml', 'config/examples/acc-to-prod-s3.yaml'])(
    'finds nothing in %s, whose principals get only what the settings give them',
    async (file) => {
      expect(await review(synthesizeSettingsFile(file).json)).toEqual([]);
    },
  );

  it('names a role with AdministratorAccess, the policy, and that it may do every action on every resource', async () => {
    const [finding, ...others] = await review(synthesizeSettingsFile('__tests__/fixtures/review/admin-role.yaml').json);
    expect(others).toEqual([]);
    expect(finding).toEqual({
      finding: 'admin-access',
      principal: 'BreakGlass',
      policies: ['AdministratorAccess'],
      message:
        'may do every action on every resource: iam:CreateUser, organizations:LeaveOrganization, ec2:TerminateInstances, ' +
        's3:DeleteBucket, dynamodb:DeleteTable, lambda:DeleteFunction (actions of unrelated services, all tried), ' +
        'allowed by AdministratorAccess (#1)',
    });
  });

  it("finds that AmazonS3FullAccess changes bucket policies, deletes buckets and reaches every bucket, from AWS's document", async () => {
    const findings = await review(synthesizeSettingsFile('__tests__/fixtures/review/s3-full-access.yaml').json);
    expect(findings.map((finding) => [finding.finding, finding.principal, finding.policies, finding.message])).toEqual([
      [
        'bucket-policy-change',
        'S3Admin',
        ['AmazonS3FullAccess'],
        'may change or delete bucket policies, so it can open a bucket to anyone: s3:PutBucketPolicy, s3:DeleteBucketPolicy ' +
          'on productionapp and any other bucket of account 999999999999, allowed by AmazonS3FullAccess (#1)',
      ],
      [
        'bucket-delete',
        'S3Admin',
        ['AmazonS3FullAccess'],
        'may delete buckets: s3:DeleteBucket on productionapp and any other bucket of account 999999999999, ' +
          'allowed by AmazonS3FullAccess (#1)',
      ],
      [
        'every-bucket',
        'S3Admin',
        ['AmazonS3FullAccess'],
        'may read, write or delete objects in buckets it was not given: s3:GetObject, s3:PutObject, s3:DeleteObject ' +
          'on any other bucket of account 999999999999, allowed by AmazonS3FullAccess (#1)',
      ],
    ]);
  });

  it('judges by what the evaluator allows, not by policy names: PowerUserAccess is no admin, a boundary caps AdministratorAccess', async () => {
    const { json } = synthesizeYaml(`
${ACCOUNTS}
roles:
  - { name: Power, managedPolicyArns: [arn:aws:iam::aws:policy/PowerUserAccess] }
  - name: BoundedAdmin
    managedPolicyArns: [arn:aws:iam::aws:policy/AdministratorAccess]
    permissionsBoundaryArn: arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess
  - { name: Reader, managedPolicyArns: [arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess] }
  - { name: Auditor, managedPolicyArns: [arn:aws:iam::aws:policy/SecurityAudit] }
`);
    expect(ids(await review(json))).toEqual([
      ['bucket-policy-change', 'Power'],
      ['bucket-delete', 'Power'],
      ['every-bucket', 'BoundedAdmin'],
      ['every-bucket', 'Power'],
      ['every-bucket', 'Reader'],
      ['privilege-escalation', 'Power'],
    ]);
  });

  it('finds the published escalation methods a principal may use: IAM ones on itself, PassRole with a service', async () => {
    const { json } = synthesizeYaml(`
${ACCOUNTS}
roles:
  - { name: IamAdmin, managedPolicyArns: [arn:aws:iam::aws:policy/IAMFullAccess] }
  - name: Deployer
    managedPolicyArns: [arn:aws:iam::aws:policy/IAMFullAccess, arn:aws:iam::aws:policy/AWSCloudFormationFullAccess]
  - { name: Power, managedPolicyArns: [arn:aws:iam::aws:policy/PowerUserAccess] }
`);
    const messages = new Map((await review(json)).map((finding) => [finding.principal, finding.message]));
    expect(messages.get('IamAdmin')).toBe(
      'may gain permissions its policies do not give (a published IAM privilege-escalation method): ' +
        'iam:CreatePolicyVersion (it rewrites a managed policy, its new default version allowing anything); also ' +
        'iam:SetDefaultPolicyVersion, iam:CreateAccessKey, iam:CreateLoginProfile, iam:UpdateLoginProfile, ' +
        'iam:AttachRolePolicy, iam:PutRolePolicy, iam:UpdateAssumeRolePolicy, allowed by IAMFullAccess (#1)',
    );
    expect(messages.get('Deployer')).toContain('iam:PassRole + cloudformation:CreateStack');
    expect(messages.get('IamAdmin')).not.toContain('cloudformation');
    expect(messages.get('Power')).toBe(
      'may gain permissions its policies do not give (a published IAM privilege-escalation method): ' +
        "lambda:UpdateFunctionCode (it replaces an existing function's code and acts with the function's role), " +
        'allowed by PowerUserAccess (#1)',
    );
  });

  it('finds a denied group that holds IAMFullAccess: Sri may delete the deny or leave the group', async () => {
    const findings = await review(
      synthesizeSettingsFile('__tests__/fixtures/review/denied-group-with-iam-full-access.yaml').json,
    );
    expect(ids(findings)).toEqual([
      ['privilege-escalation', 'Sri'],
      ['self-removable-deny', 'Sri'],
    ]);
    expect(findings[1]).toEqual({
      finding: 'self-removable-deny',
      principal: 'Sri',
      policies: ['Testers/AssumeCrossAccountRoles', 'Testers/IAMFullAccess'],
      message:
        'is denied something by a policy it may itself remove or rewrite: sts:AssumeRole on S3ProductionAccessRole is ' +
        'denied by Testers/AssumeCrossAccountRoles (DenyAssumeS3ProductionAccessRole), and it may ' +
        'iam:DeleteGroupPolicy, iam:PutGroupPolicy, iam:RemoveUserFromGroup on group Testers, ' +
        'allowed by Testers/IAMFullAccess (#1)',
    });
  });

  it("finds a user's own deny that a group lets it delete, and no removable deny where nothing may remove it", async () => {
    const { json } = synthesizeYaml(`
${ACCOUNTS}
roles: [{ name: Reports }]
groups:
  - { name: IamAdmins, managedPolicyArns: [arn:aws:iam::aws:policy/IAMFullAccess] }
  - { name: Readers, denyAssume: [Reports], managedPolicyArns: [arn:aws:iam::aws:policy/IAMReadOnlyAccess] }
users:
  - { name: Sri, groups: [IamAdmins], denyAssume: [Reports] }
  - { name: Tess, groups: [Readers] }
`);
    const removable = (await review(json)).filter((finding) => finding.finding === 'self-removable-deny');
    expect(removable.map((finding) => [finding.principal, finding.policies])).toEqual([
      ['Sri', ['Sri/AssumeCrossAccountRoles', 'IamAdmins/IAMFullAccess']],
    ]);
    expect(removable[0].message).toContain('iam:DeleteUserPolicy, iam:PutUserPolicy on user Sri');
  });

  it('does not count a revoked session as able to lift its revocation: the deny denies that too', async () => {
    const { json } = synthesizeYaml(`
${ACCOUNTS}
roles:
  - name: Admin
    managedPolicyArns: [arn:aws:iam::aws:policy/IAMFullAccess]
    revokeSessionsBefore: "2026-11-24T12:00:00Z"
`);
    const expectations: Expectation[] = [
      {
        principal: 'Admin',
        cannot: 'iam:ListUsers',
        on: '*',
        context: { 'aws:TokenIssueTime': '2026-11-24T11:00:00Z' },
      },
    ];
    expect(ids(await review(json, expectations))).toEqual([['privilege-escalation', 'Admin']]);
  });

  it('finds a user who is denied a role but reaches it through a role of the identity account', async () => {
    const findings = await review(synthesizeSettingsFile('__tests__/fixtures/review/role-chaining.yaml').json);
    const chains = findings.filter((finding) => finding.finding === 'reaches-denied-role');
    expect(chains).toEqual([
      {
        finding: 'reaches-denied-role',
        principal: 'Sri',
        policies: ['Testers/AssumeCrossAccountRoles', 'PowerUserAccess'],
        message:
          'may reach, through another role, a role it may not assume directly: sts:AssumeRole on S3ProductionAccessRole ' +
          'is denied by Testers/AssumeCrossAccountRoles (DenyAssumeS3ProductionAccessRole), but it may assume Tooling ' +
          '(Testers/AssumeCrossAccountRoles (AllowAssumeTooling) + trust policy (TrustIdentityAccount)), and ' +
          "Tooling's session may assume S3ProductionAccessRole (PowerUserAccess (#1) + trust policy (TrustIdentityAccount))",
      },
    ]);
  });

  it('follows a chain of several roles, and says when the user was only not allowed the role', async () => {
    const { json } = synthesizeYaml(`
${ACCOUNTS}
roles:
  - { name: Target }
  - { name: Hop, account: dev, managedPolicyArns: [arn:aws:iam::aws:policy/PowerUserAccess] }
  - { name: Entry, account: dev, managedPolicyArns: [arn:aws:iam::aws:policy/PowerUserAccess] }
users: [{ name: Ann, allowAssume: [Entry] }]
`);
    // The settings only trust the identity account; a hand-edited stack may trust one role: Target trusts Hop only.
    const roles = json.resource!.aws_iam_role as Record<string, Record<string, unknown>>;
    const target = Object.values(roles).find((role) => role.name === 'Target')!;
    target.assume_role_policy = String(target.assume_role_policy).replace(
      'arn:aws:iam::111111111111:root',
      'arn:aws:iam::111111111111:role/Hop',
    );
    const chains = (await review(json)).filter((finding) => finding.finding === 'reaches-denied-role');
    const withoutReasons = (message: string) => message.replace(/ \((?:[^()]|\([^()]*\))*\)/g, '');
    expect(chains[0].message).toContain(
      'it may not assume Hop directly (no identity policy allows it), but it may assume Entry ' +
        '(Ann/AssumeCrossAccountRoles (AllowAssumeEntry) + trust policy (TrustIdentityAccount)), and ' +
        "Entry's session may assume Hop (PowerUserAccess (#1) + trust policy (TrustIdentityAccount))",
    );
    expect(chains.map((finding) => [finding.principal, withoutReasons(finding.message.split(': ')[1])])).toEqual([
      ['Ann', "it may not assume Hop directly, but it may assume Entry, and Entry's session may assume Hop"],
      [
        'Ann',
        'it may not assume Target directly, but it may assume Entry, and ' +
          "Entry's session may assume Hop, and Hop's session may assume Target",
      ],
    ]);
  });

  it('finds no chain where the next role refuses a chained session, or where the first may not assume roles', async () => {
    const { json } = synthesizeYaml(`
${ACCOUNTS}
roles:
  - { name: Named, requireMfa: true, sessionNameMustMatchUser: true }
  - { name: MfaOnly, requireMfa: true }
  - { name: Reader, account: dev, managedPolicyArns: [arn:aws:iam::aws:policy/ReadOnlyAccess] }
  - { name: Tooling, account: dev, managedPolicyArns: [arn:aws:iam::aws:policy/PowerUserAccess] }
groups:
  - { name: Tools, allowAssume: [Tooling], denyAssume: [Named, MfaOnly] }
  - { name: Readers, allowAssume: [Reader], denyAssume: [Named, MfaOnly] }
users: [{ name: Sri, groups: [Tools] }, { name: Rea, groups: [Readers] }]
`);
    const chains = (await review(json)).filter((finding) => finding.finding === 'reaches-denied-role');
    // A role session has no IAM user name, so Named's trust (session named after the user) refuses Tooling's
    // session; MfaOnly admits it (the MFA of the first sign-in carries over), and so does Reader, which Sri was
    // not given. Reader's own policies allow no sts:AssumeRole, so Rea reaches nothing.
    expect(
      chains.map((finding) => [finding.principal, finding.message.match(/session may assume (\w+)/)?.[1]]),
    ).toEqual([
      ['Sri', 'MfaOnly'],
      ['Sri', 'Reader'],
    ]);
  });
});
