import { readStackPrincipals } from '../src/access';
import { checkExpectations, type Expectation } from '../src/verify/check-expectations';
import { synthesizeSettingsFile, synthesizeYaml } from './support/synthesize';

async function check(principalsOf: { json: Parameters<typeof readStackPrincipals>[0] }, expectations: Expectation[]) {
  return checkExpectations(expectations, await readStackPrincipals(principalsOf.json));
}

describe('expectations', () => {
  const tutorial = synthesizeSettingsFile('config/default.yaml');

  it('hold for the tutorial: John can assume the role, Sri cannot, the role reaches productionapp only', async () => {
    const results = await check(tutorial, [
      { principal: 'John', can: 'sts:AssumeRole', on: 'S3ProductionAccessRole' },
      { principal: 'Sri', cannot: 'sts:AssumeRole', on: 'arn:aws:iam::999999999999:role/S3ProductionAccessRole' },
      {
        principal: 'S3ProductionAccessRole',
        can: ['s3:GetObject', 's3:PutObject'],
        on: 'arn:aws:s3:::productionapp/k',
      },
      { principal: 'S3ProductionAccessRole', cannot: 's3:GetObject', on: 'arn:aws:s3:::another-bucket/k' },
    ]);
    expect(results.map((result) => [result.index, result.entry.action, result.holds])).toEqual([
      [0, 'sts:AssumeRole', true],
      [1, 'sts:AssumeRole', true],
      [2, 's3:GetObject', true],
      [2, 's3:PutObject', true],
      [3, 's3:GetObject', true],
    ]);
  });

  it('fail with what the evaluator decided and why when they are false', async () => {
    const [result] = await check(tutorial, [{ principal: 'Sri', can: 'sts:AssumeRole', on: 'S3ProductionAccessRole' }]);
    expect(result.holds).toBe(false);
    expect(result.text).toBe(
      'expectations[0]: Sri can sts:AssumeRole on S3ProductionAccessRole: fails, the evaluator decided ExplicitlyDenied: ' +
        'denied by Testers/AssumeCrossAccountRoles (DenyAssumeS3ProductionAccessRole)',
    );
  });

  it('fail when the request cannot be evaluated, whether `can` or `cannot`', async () => {
    const results = await check(tutorial, [
      { principal: 'S3ProductionAccessRole', cannot: 's3:GetObjekt', on: 'arn:aws:s3:::productionapp/k' },
      { principal: 'S3ProductionAccessRole', cannot: 's3:GetObject', on: 'arn:aws:s3:::productionapp' },
    ]);
    expect(results.map((result) => [result.holds, result.entry.because])).toEqual([
      [false, 's3:GetObjekt is not an IAM action'],
      [false, 's3:GetObject does not act on arn:aws:s3:::productionapp'],
    ]);
  });

  it('deny a session of a revoked role issued before the revocation time and allow a later one', async () => {
    const revoked = synthesizeYaml(`
accounts: { dev: { id: "111111111111" }, prod: { id: "999999999999" } }
buckets: [{ name: productionapp }]
roles:
  - name: S3ProductionAccessRole
    bucketAccess: [{ bucket: productionapp, access: read-write }]
    revokeSessionsBefore: "2026-11-24T13:00:00+01:00"
`);
    const getObject = (issuedAt: string): Expectation => ({
      principal: 'S3ProductionAccessRole',
      can: 's3:GetObject',
      on: 'arn:aws:s3:::productionapp/k',
      context: { 'aws:TokenIssueTime': issuedAt },
    });
    const [before, after] = await check(revoked, [
      getObject('2026-11-24T11:59:59Z'),
      getObject('2026-11-24T12:00:01Z'),
    ]);
    expect([before.entry.decision, before.entry.because]).toEqual([
      'ExplicitlyDenied',
      'denied by AWSRevokeOlderSessions (RevokeOlderSessions)',
    ]);
    expect([after.entry.decision, after.holds]).toEqual(['Allowed', true]);
  });

  it('evaluate an action that takes no resource on "*", and refuse "*" for an action that acts on resources', async () => {
    const results = await check(tutorial, [
      { principal: 'S3ProductionAccessRole', can: 's3:ListAllMyBuckets', on: '*' },
      { principal: 'John', cannot: 's3:ListAllMyBuckets', on: '*' },
      { principal: 'S3ProductionAccessRole', cannot: 's3:GetObject', on: '*' },
    ]);
    expect(results.map((result) => [result.entry.decision, result.holds, result.entry.because])).toEqual([
      ['Allowed', true, 'S3ProductionAccessPolicy (ListAllBuckets)'],
      ['ImplicitlyDenied', true, 'no identity policy allows it'],
      [
        'Invalid',
        false,
        's3:GetObject acts on particular resources: name one by its ARN in `on`; "*" is for actions that take no resource',
      ],
    ]);
  });
});
