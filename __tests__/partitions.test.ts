import { readStackPrincipals } from '../src/access';
import { buildAccessMatrix } from '../src/verify/access-matrix';
import { problemLinesOf } from './support/settings-error';
import { synthesizeYaml } from './support/synthesize';

const govSettings = (extra = '') => `
region: us-gov-west-1
accounts: { dev: { id: "111111111111" }, prod: { id: "999999999999" } }
buckets: [{ name: productionapp }]
roles: [{ name: S3ProductionAccessRole, bucketAccess: [{ bucket: productionapp, access: read-write }] }]
groups: [{ name: Developers, allowAssume: [S3ProductionAccessRole] }]
users: [{ name: John, groups: [Developers] }]
${extra}`;

describe('a stack in another partition (GovCloud)', () => {
  const { text, json } = synthesizeYaml(govSettings());

  it('writes every ARN in that partition, and no commercial ARN anywhere', () => {
    expect(text).toContain('arn:aws-us-gov:iam::111111111111:root');
    expect(text).toContain('arn:aws-us-gov:s3:::productionapp/*');
    expect(text).toContain('https://signin.amazonaws-us-gov.com/switchrole');
    expect(text).not.toMatch(/arn:aws:/);
  });

  it('is evaluated with GovCloud ARNs: John reaches the role, and its bucket only', async () => {
    const principals = await readStackPrincipals(json);
    expect(principals.users[0].arn).toBe('arn:aws-us-gov:iam::111111111111:user/John');
    const matrix = await buildAccessMatrix(principals);
    expect(matrix.assume.map((entry) => [entry.principal, entry.resource, entry.decision])).toEqual([
      ['John', 'arn:aws-us-gov:iam::999999999999:role/S3ProductionAccessRole', 'Allowed'],
    ]);
    const objects = matrix.roleActions.filter((entry) => entry.action === 's3:PutObject');
    expect(objects.map((entry) => [entry.resource, entry.decision])).toEqual([
      ['arn:aws-us-gov:s3:::productionapp/some/key', 'Allowed'],
      ['arn:aws-us-gov:s3:::some-other-bucket/some/key', 'ImplicitlyDenied'],
    ]);
  });

  it('refuses an ARN of another partition, naming the one to write', () => {
    expect(
      problemLinesOf(
        govSettings().replace(
          'roles: [{ name: S3ProductionAccessRole,',
          'roles: [{ name: S3ProductionAccessRole, managedPolicyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess"],',
        ),
      ),
    ).toEqual([
      'bad.yaml: roles[0].managedPolicyArns[0]: "arn:aws:iam::aws:policy/ReadOnlyAccess" is in partition aws but region us-gov-west-1 is in aws-us-gov: write arn:aws-us-gov:…',
    ]);
  });
});
