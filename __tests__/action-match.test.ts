import { actionMatches, coversAction, resourceMatches } from '../src/policies';

describe("IAM's matching of actions and resources", () => {
  it('matches actions without regard to case, with * and ? wildcards', () => {
    expect(actionMatches('s3:Get*', 's3:getobject')).toBe(true);
    expect(actionMatches('s3:?etObject', 's3:GetObject')).toBe(true);
    expect(actionMatches('*', 'iam:PassRole')).toBe(true);
    expect(actionMatches('s3:Put*', 's3:GetObject')).toBe(false);
    expect(actionMatches('s3:Get.bject', 's3:GetObject')).toBe(false);
  });

  it('matches resources with regard to case', () => {
    expect(resourceMatches('arn:aws:s3:::bucket/*', 'arn:aws:s3:::bucket/some/key')).toBe(true);
    expect(resourceMatches('arn:aws:s3:::Bucket/*', 'arn:aws:s3:::bucket/key')).toBe(false);
  });

  it('reads NotAction as every action but those listed', () => {
    expect(coversAction({ notActions: ['iam:*', 'organizations:*'] }, 'sts:AssumeRole')).toBe(true);
    expect(coversAction({ notActions: ['iam:*'] }, 'iam:PassRole')).toBe(false);
    expect(coversAction({ actions: ['sts:Assume*'] }, 'sts:AssumeRole')).toBe(true);
    expect(coversAction({}, 'sts:AssumeRole')).toBe(false);
  });

  it('covers an action from a long list by the same rules: any case, wildcards in the service part, patterns without one', () => {
    const list = (...more: string[]) => [
      ...['s3:GetObject', 's3:ListBucket', 'ec2:Describe*', 'iam:Get*', 'kms:Decrypt', 'sqs:SendMessage'],
      ...['lambda:InvokeFunction', 'dynamodb:GetItem'],
      ...more,
    ];
    expect(coversAction({ actions: list() }, 'S3:getobject')).toBe(true);
    expect(coversAction({ actions: list() }, 'sts:AssumeRole')).toBe(false);
    expect(coversAction({ actions: list('STS:Assume*') }, 'sts:AssumeRole')).toBe(true);
    expect(coversAction({ actions: list('s?s:AssumeRole') }, 'sts:AssumeRole')).toBe(true);
    expect(coversAction({ actions: list('*') }, 'sts:AssumeRole')).toBe(true);
    expect(coversAction({ actions: list('st*') }, 'sts:AssumeRole')).toBe(true);
    expect(coversAction({ notActions: list('sts:*') }, 'sts:AssumeRole')).toBe(false);
    expect(coversAction({ notActions: list() }, 'sts:AssumeRole')).toBe(true);
  });
});
