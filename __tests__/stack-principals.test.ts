import { readStackPrincipals } from '../src/access';
import { toPolicyObject, type PolicyDocument } from '../src/policies';

/** The statements as IAM JSON, what AWS will read. */
const statementsOf = (document: PolicyDocument) => toPolicyObject(document).Statement as object[];
import { synthesizeSettingsFile, synthesizeYaml } from './support/synthesize';

describe('principals rebuilt from the synthesized JSON', () => {
  it("give each user its groups' inline policies, with role references resolved to ARNs", async () => {
    const { users } = await readStackPrincipals(synthesizeSettingsFile('config/default.yaml').json);
    const john = users.find((user) => user.name === 'John');
    expect(john).toMatchObject({ arn: 'arn:aws:iam::111111111111:user/John', groups: ['Developers'] });
    expect(john?.policies.map((policy) => [policy.label, policy.origin])).toEqual([
      ['Developers/AssumeCrossAccountRoles', 'inline'],
    ]);
    expect(statementsOf(john!.policies[0].document!)).toEqual([
      {
        Sid: 'AllowAssumeS3ProductionAccessRole',
        Effect: 'Allow',
        Action: 'sts:AssumeRole',
        Resource: 'arn:aws:iam::999999999999:role/S3ProductionAccessRole',
      },
    ]);
  });

  it("attach AWS managed policies with AWS's real document, not a copy", async () => {
    const { users } = await readStackPrincipals(
      synthesizeSettingsFile('config/examples/originating-to-destination.yaml').json,
    );
    const powerUser = users
      .find((user) => user.name === 'Mary')
      ?.policies.find((policy) => policy.label === 'Analysts/PowerUserAccess');
    expect(powerUser).toMatchObject({ origin: 'aws-managed', arn: 'arn:aws:iam::aws:policy/PowerUserAccess' });
    expect(statementsOf(powerUser!.document!)[0]).toMatchObject({
      Effect: 'Allow',
      NotAction: expect.arrayContaining(['iam:*', 'organizations:*']),
      Resource: '*',
    });
  });

  it('give a role its attached customer policy and its inline revoke-sessions policy', async () => {
    const { roles } = await readStackPrincipals(
      synthesizeYaml(`
accounts: { dev: { id: "111111111111" }, prod: { id: "999999999999" } }
buckets: [{ name: productionapp }]
roles:
  - name: Reader
    policyName: ReaderPolicy
    bucketAccess: [{ bucket: productionapp, access: read-only }]
    revokeSessionsBefore: "2026-11-24T12:00:00Z"
`).json,
    );
    expect(roles[0].policies.map((policy) => [policy.label, policy.origin, policy.arn])).toEqual([
      ['AWSRevokeOlderSessions', 'inline', undefined],
      ['ReaderPolicy', 'customer-managed', 'arn:aws:iam::999999999999:policy/ReaderPolicy'],
    ]);
    expect(roles[0].trustPolicy).toMatchObject({
      statements: [{ principals: { AWS: ['arn:aws:iam::111111111111:root'] } }],
    });
  });
});
