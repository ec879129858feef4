import { readStackPrincipals, type SynthesizedStackJson } from '../src/access';
import { formatFinding } from '../src/verify/lint-finding';
import { lintPolicies } from '../src/verify/policy-lint';
import { synthesizeSettingsFile, synthesizeYaml } from './support/synthesize';

/** Lint lines of a synthesized stack given as JSON text. */
async function lint(text: string): Promise<string[]> {
  const findings = await lintPolicies(await readStackPrincipals(JSON.parse(text) as SynthesizedStackJson));
  return findings.map(formatFinding);
}

describe('the policy lint', () => {
  const tutorial = synthesizeSettingsFile('config/default.yaml').text;

  it('finds nothing in the policies the stack writes for the tutorials', async () => {
    expect(await lint(tutorial)).toEqual([]);
    expect(await lint(synthesizeSettingsFile('config/examples/originating-to-destination.yaml').text)).toEqual([]);
  });

  it('catches a mistyped action injected into the synthesized JSON', async () => {
    expect(await lint(tutorial.replace('s3:PutObject', 's3:PutObjekt'))).toEqual([
      'S3ProductionAccessPolicy, statement ReadWriteObjectsProductionapp: s3:PutObjekt is not an IAM action',
    ]);
  });

  it('catches a wildcard action that matches no action of its service', async () => {
    expect(await lint(tutorial.replace('"s3:ListBucket', '"s3:Lsit*'))).toEqual([
      'S3ProductionAccessPolicy, statement ListBucketProductionapp: s3:Lsit* matches no s3 action',
    ]);
  });

  it('catches a resource the action does not act on', async () => {
    const objectsAsBucket = tutorial.replace('arn:aws:s3:::productionapp/*', 'arn:aws:s3:::productionapp');
    expect(await lint(objectsAsBucket)).toEqual([
      'S3ProductionAccessPolicy, statement ReadWriteObjectsProductionapp: s3:GetObject does not act on arn:aws:s3:::productionapp',
      'S3ProductionAccessPolicy, statement ReadWriteObjectsProductionapp: s3:PutObject does not act on arn:aws:s3:::productionapp',
      'S3ProductionAccessPolicy, statement ReadWriteObjectsProductionapp: s3:DeleteObject does not act on arn:aws:s3:::productionapp',
    ]);
  });

  it.each(['\\"*\\"', '{\\"AWS\\":\\"*\\"}'])(
    'catches a trust policy open to everyone (Principal %s)',
    async (anyone) => {
      expect(await lint(tutorial.replace('{\\"AWS\\":\\"arn:aws:iam::111111111111:root\\"}', anyone))).toEqual([
        'trust policy of S3ProductionAccessRole, statement TrustIdentityAccount: lets anyone ("*") assume the role',
      ]);
    },
  );

  it('catches an Allow of every action and of iam:PassRole on every role', async () => {
    const everything = tutorial.replace('\\"Action\\":\\"s3:ListAllMyBuckets\\"', '\\"Action\\":\\"*\\"');
    expect(await lint(everything)).toEqual([
      'S3ProductionAccessPolicy, statement ListAllBuckets: allows every action ("*")',
    ]);
    const passRole = tutorial.replace('\\"Action\\":\\"s3:ListAllMyBuckets\\"', '\\"Action\\":\\"iam:PassRole\\"');
    expect(await lint(passRole)).toEqual([
      'S3ProductionAccessPolicy, statement ListAllBuckets: allows iam:PassRole on every role ("*"): name the roles it may pass',
    ]);
    const passOneRole = passRole.replace(
      '\\"Resource\\":\\"*\\"',
      '\\"Resource\\":\\"arn:aws:iam::999999999999:role/app\\"',
    );
    expect(await lint(passOneRole)).toEqual([]);
  });

  it("accepts the revoke-sessions Deny of everything, and does not lint AWS's managed policies", async () => {
    const { text } = synthesizeYaml(`
accounts: { dev: { id: "111111111111" }, prod: { id: "999999999999" } }
roles:
  - name: Admin
    managedPolicyArns: [arn:aws:iam::aws:policy/AdministratorAccess]
    revokeSessionsBefore: "2026-11-24T12:00:00Z"
`);
    expect(await lint(text)).toEqual([]);
  });

  it('reports an attached AWS managed policy that AWS does not have', async () => {
    const { text } = synthesizeYaml(`
accounts: { dev: { id: "111111111111" }, prod: { id: "999999999999" } }
groups: [{ name: Analysts, managedPolicyArns: ["arn:aws:iam::aws:policy/PowerUserAcess"] }]
`);
    expect(await lint(text)).toEqual([
      'Analysts/PowerUserAcess: arn:aws:iam::aws:policy/PowerUserAcess is not an AWS managed policy',
    ]);
  });

  it('reports a permissions boundary whose document is unknown, since the role is then evaluated without it', async () => {
    const { text } = synthesizeYaml(`
accounts: { dev: { id: "111111111111" }, prod: { id: "999999999999" } }
roles:
  - { name: Bounded, permissionsBoundaryArn: "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAcess" }
  - { name: BoundedByOwn, permissionsBoundaryArn: "arn:aws:iam::999999999999:policy/Cap" }
`);
    expect(await lint(text)).toEqual([
      'permissions boundary of Bounded: arn:aws:iam::aws:policy/AmazonS3ReadOnlyAcess is not an AWS managed policy',
      'permissions boundary of BoundedByOwn: arn:aws:iam::999999999999:policy/Cap is neither in the stack nor AWS managed: its document is unknown and the role is evaluated without it',
    ]);
  });
});
