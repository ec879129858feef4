import {
  accountRootArn,
  assumedRoleArn,
  formatArn,
  iamArn,
  iamUserOfArn,
  isAwsManagedPolicyArn,
  isIamPolicyArn,
  isIamRoleArn,
  parseArn,
  partitionOfRegion,
  s3Arn,
} from '../src/policies';

describe('ARNs for every partition', () => {
  it('names the partition of a region: GovCloud, China, else the commercial one', () => {
    expect(partitionOfRegion('us-gov-west-1')).toBe('aws-us-gov');
    expect(partitionOfRegion('cn-north-1')).toBe('aws-cn');
    expect(partitionOfRegion('eu-central-1')).toBe('aws');
  });

  it('builds IAM, STS and S3 ARNs in the partition given', () => {
    expect(accountRootArn('aws-us-gov', '111111111111')).toBe('arn:aws-us-gov:iam::111111111111:root');
    expect(iamArn('aws-cn', '111111111111', 'role', 'R')).toBe('arn:aws-cn:iam::111111111111:role/R');
    expect(iamArn('aws', '111111111111', 'user', 'John', '/staff/')).toBe('arn:aws:iam::111111111111:user/staff/John');
    expect(assumedRoleArn('aws', '999999999999', 'R', 's')).toBe('arn:aws:sts::999999999999:assumed-role/R/s');
    expect(s3Arn('aws-us-gov', 'productionapp')).toBe('arn:aws-us-gov:s3:::productionapp');
    expect(s3Arn('aws', 'productionapp', '*')).toBe('arn:aws:s3:::productionapp/*');
  });

  it('reads an ARN back into the parts it was built from, and refuses unknown partitions', () => {
    const arn = iamArn('aws-us-gov', '111111111111', 'mfa', 'John');
    expect(formatArn(parseArn(arn)!)).toBe(arn);
    expect(parseArn('arn:aws-iso:iam::111111111111:root')).toBeUndefined();
    expect(parseArn('not-an-arn')).toBeUndefined();
  });

  it('tells policy, role, AWS managed and user ARNs apart', () => {
    expect(isIamPolicyArn('arn:aws-us-gov:iam::aws:policy/ReadOnlyAccess')).toBe(true);
    expect(isIamPolicyArn('arn:aws:iam::111111111111:role/R')).toBe(false);
    expect(isIamRoleArn('arn:aws:iam::111111111111:role/path/R')).toBe(true);
    expect(isIamRoleArn('arn:aws:iam::aws:role/R')).toBe(false);
    expect(isAwsManagedPolicyArn('arn:aws-cn:iam::aws:policy/job-function/ViewOnlyAccess')).toBe(true);
    expect(isAwsManagedPolicyArn('arn:aws:iam::111111111111:policy/Mine')).toBe(false);
    expect(iamUserOfArn('arn:aws-us-gov:iam::111111111111:user/staff/John')).toEqual({
      partition: 'aws-us-gov',
      account: '111111111111',
      name: 'John',
    });
    expect(iamUserOfArn('arn:aws:sts::111111111111:assumed-role/R/John')).toBeUndefined();
  });
});
