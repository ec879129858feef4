import { awsManagedPolicyDocument, isAwsManagedPolicyArn } from '../src/access/aws-managed-policies';

describe("AWS managed policies' documents", () => {
  it('come from the data package by ARN, path included', async () => {
    expect(await awsManagedPolicyDocument('arn:aws:iam::aws:policy/AdministratorAccess')).toEqual({
      statements: [{ effect: 'Allow', actions: ['*'], resources: ['*'] }],
    });
    expect(await awsManagedPolicyDocument('arn:aws:iam::aws:policy/job-function/ViewOnlyAccess')).toBeDefined();
    expect(await awsManagedPolicyDocument('arn:aws:iam::aws:policy/ViewOnlyAccess')).toBeUndefined();
  });

  it('are unknown for a name AWS does not have', async () => {
    expect(await awsManagedPolicyDocument('arn:aws:iam::aws:policy/PowerUserAcess')).toBeUndefined();
  });

  it('are told apart from customer managed policies by the aws account in the ARN', () => {
    expect(isAwsManagedPolicyArn('arn:aws:iam::aws:policy/PowerUserAccess')).toBe(true);
    expect(isAwsManagedPolicyArn('arn:aws:iam::111111111111:policy/PowerUserAccess')).toBe(false);
  });
});
