import { readStackPrincipals } from '../src/access';
import { buildAccessMatrix, type MatrixEntry } from '../src/verify/access-matrix';
import { synthesizeSettingsFile, synthesizeYaml } from './support/synthesize';

const summary = (entries: readonly MatrixEntry[]) =>
  entries.map((entry) => [entry.principal, entry.action, entry.target, entry.decision, entry.because]);

async function matrixOf(file: string) {
  return buildAccessMatrix(await readStackPrincipals(synthesizeSettingsFile(file).json));
}

describe('the access matrix of the default settings (tutorial 004)', () => {
  const matrix = matrixOf('config/default.yaml');

  it('lets John assume the role through Developers and denies Sri explicitly through Testers', async () => {
    expect(summary((await matrix).assume)).toEqual([
      [
        'John',
        'sts:AssumeRole',
        'S3ProductionAccessRole',
        'Allowed',
        'Developers/AssumeCrossAccountRoles (AllowAssumeS3ProductionAccessRole) + trust policy (TrustIdentityAccount)',
      ],
      [
        'Sri',
        'sts:AssumeRole',
        'S3ProductionAccessRole',
        'ExplicitlyDenied',
        'denied by Testers/AssumeCrossAccountRoles (DenyAssumeS3ProductionAccessRole)',
      ],
    ]);
  });

  it('lets the role read and write productionapp only, and nothing dangerous', async () => {
    const decisions = (await matrix).roleActions.map((entry) => [
      entry.probe,
      entry.action,
      entry.resource,
      entry.decision,
    ]);
    expect(decisions).toEqual([
      ['granted', 's3:ListBucket', 'arn:aws:s3:::productionapp', 'Allowed'],
      ['granted', 's3:GetBucketLocation', 'arn:aws:s3:::productionapp', 'Allowed'],
      ['granted', 's3:GetObject', 'arn:aws:s3:::productionapp/some/key', 'Allowed'],
      ['granted', 's3:PutObject', 'arn:aws:s3:::productionapp/some/key', 'Allowed'],
      ['granted', 's3:DeleteObject', 'arn:aws:s3:::productionapp/some/key', 'Allowed'],
      ['other-bucket', 's3:ListBucket', 'arn:aws:s3:::some-other-bucket', 'ImplicitlyDenied'],
      ['other-bucket', 's3:GetBucketLocation', 'arn:aws:s3:::some-other-bucket', 'ImplicitlyDenied'],
      ['other-bucket', 's3:GetObject', 'arn:aws:s3:::some-other-bucket/some/key', 'ImplicitlyDenied'],
      ['other-bucket', 's3:PutObject', 'arn:aws:s3:::some-other-bucket/some/key', 'ImplicitlyDenied'],
      ['other-bucket', 's3:DeleteObject', 'arn:aws:s3:::some-other-bucket/some/key', 'ImplicitlyDenied'],
      ['dangerous', 'iam:CreateUser', 'arn:aws:iam::999999999999:user/some-new-user', 'ImplicitlyDenied'],
      ['dangerous', 'iam:PassRole', 'arn:aws:iam::999999999999:role/some-other-role', 'ImplicitlyDenied'],
      ['dangerous', 's3:PutBucketPolicy', 'arn:aws:s3:::productionapp', 'ImplicitlyDenied'],
      ['dangerous', 's3:DeleteBucket', 'arn:aws:s3:::productionapp', 'ImplicitlyDenied'],
    ]);
    expect((await matrix).roleActions[2].because).toBe('S3ProductionAccessPolicy (ReadWriteObjectsProductionapp)');
  });
});

describe('the access matrix of tutorial 003 (originating → destination)', () => {
  it('denies Mary the role although PowerUserAccess allows sts:AssumeRole: the Analysts deny wins', async () => {
    const { assume } = await matrixOf('config/examples/originating-to-destination.yaml');
    expect(summary(assume)).toEqual([
      [
        'David',
        'sts:AssumeRole',
        'UpdateData',
        'Allowed',
        'Developers/AssumeCrossAccountRoles (AllowAssumeUpdateData) + Developers/PowerUserAccess (#1) + trust policy (TrustIdentityAccount)',
      ],
      [
        'Mary',
        'sts:AssumeRole',
        'UpdateData',
        'ExplicitlyDenied',
        'denied by Analysts/AssumeCrossAccountRoles (DenyAssumeUpdateData)',
      ],
    ]);
  });
});

describe('the access matrix of tutorial 002 (AWS managed AmazonS3ReadOnlyAccess)', () => {
  it('shows that the role may read any bucket of its account, since the managed policy is not scoped', async () => {
    const { roleActions } = await matrixOf('config/examples/trusting-trusted-user-policy.yaml');
    expect(
      roleActions
        .filter((entry) => entry.probe === 'other-bucket')
        .map((entry) => [entry.action, entry.decision, entry.because]),
    ).toEqual([
      ['s3:ListBucket', 'Allowed', 'AmazonS3ReadOnlyAccess (#1)'],
      ['s3:GetObject', 'Allowed', 'AmazonS3ReadOnlyAccess (#1)'],
    ]);
  });
});

describe('implicit denials', () => {
  it('name the side that lacks an allow: the identity policies, or the trust policy', async () => {
    const { text } = synthesizeYaml(`
accounts: { dev: { id: "111111111111" }, prod: { id: "999999999999" } }
roles: [{ name: Reports }]
users: [{ name: Nobody }, { name: Ann, allowAssume: [Reports] }]
`);
    const because = async (json: string) =>
      (await buildAccessMatrix(await readStackPrincipals(JSON.parse(json)))).assume.map((entry) => [
        entry.principal,
        entry.decision,
        entry.because,
      ]);
    expect(await because(text)).toEqual([
      ['Ann', 'Allowed', 'Ann/AssumeCrossAccountRoles (AllowAssumeReports) + trust policy (TrustIdentityAccount)'],
      ['Nobody', 'ImplicitlyDenied', 'no identity policy allows it'],
    ]);
    // The role trusts another account than the users' (a mistake the JSON would carry).
    expect(await because(text.replace('arn:aws:iam::111111111111:root', 'arn:aws:iam::222222222222:root'))).toEqual([
      ['Ann', 'ImplicitlyDenied', 'the trust policy does not allow it'],
      ['Nobody', 'ImplicitlyDenied', 'no identity policy allows it and the trust policy does not allow it'],
    ]);
  });
});

describe('the access matrix of a hardened role', () => {
  const matrix = matrixOf('config/examples/hardened.yaml');

  it('asks the way the role requires (MFA, external id, own session name), so only trusted developers get in', async () => {
    expect((await matrix).assume.map((entry) => [entry.principal, entry.decision])).toEqual([
      ['John', 'Allowed'],
      ['Priya', 'Allowed'],
      ['Sri', 'ImplicitlyDenied'],
      ['Tess', 'ExplicitlyDenied'],
    ]);
  });
});

describe('the access matrix of a role with a permissions boundary', () => {
  it('allows only what both its policies and its boundary allow, and names the boundary that refused', async () => {
    const { json } = synthesizeYaml(`
accounts: { dev: { id: "111111111111" }, prod: { id: "999999999999" } }
roles:
  - name: BoundedAdmin
    managedPolicyArns: [arn:aws:iam::aws:policy/AdministratorAccess]
    permissionsBoundaryArn: arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess
`);
    const principals = await readStackPrincipals(json);
    expect(principals.roles[0].permissionsBoundary).toMatchObject({
      name: 'AmazonS3ReadOnlyAccess',
      origin: 'aws-managed',
      document: expect.anything(),
    });
    const decisions = (await buildAccessMatrix(principals)).roleActions.map((entry) => [
      entry.action,
      entry.resource,
      entry.decision,
      entry.because,
    ]);
    expect(decisions).toEqual(
      expect.arrayContaining([
        [
          's3:GetObject',
          'arn:aws:s3:::some-other-bucket/some/key',
          'Allowed',
          'AdministratorAccess (#1) + permissions boundary AmazonS3ReadOnlyAccess (#1)',
        ],
        [
          'iam:CreateUser',
          'arn:aws:iam::999999999999:user/some-new-user',
          'ImplicitlyDenied',
          'the permissions boundary AmazonS3ReadOnlyAccess does not allow it',
        ],
        [
          's3:DeleteBucket',
          'arn:aws:s3:::some-other-bucket',
          'ImplicitlyDenied',
          'the permissions boundary AmazonS3ReadOnlyAccess does not allow it',
        ],
      ]),
    );
  });
});
