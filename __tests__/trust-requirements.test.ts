import { parsePolicyDocument, trustRequirements, type PolicyDocument } from '../src/policies';

/** A trust policy written as IAM JSON, read the way the stack's are. */
const fromJson = (json: object): PolicyDocument => parsePolicyDocument(json)!;

const trustWith = (...conditions: object[]): PolicyDocument =>
  fromJson({
    Version: '2012-10-17',
    Statement: conditions.map((condition, i) => ({
      Sid: `Trust${i}`,
      Effect: 'Allow' as const,
      Principal: { AWS: 'arn:aws:iam::111111111111:root' },
      Action: 'sts:AssumeRole',
      Condition: condition as never,
    })),
  });

describe('trustRequirements', () => {
  it('reads MFA, its age, the external id and the session name rule from the hardened trust conditions', () => {
    expect(
      trustRequirements(
        trustWith({
          Bool: { 'aws:MultiFactorAuthPresent': 'true' },
          NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' },
          StringEquals: { 'sts:ExternalId': 'a-shared-secret-id' },
          StringLike: { 'sts:RoleSessionName': '${aws:username}' },
        }),
      ),
    ).toEqual({ mfa: true, mfaMaxAgeSeconds: 3600, externalId: 'a-shared-secret-id', sessionNameMustMatchUser: true });
  });

  it('asks for nothing when the trust policy has no conditions (the tutorials)', () => {
    expect(trustRequirements(trustWith({}))).toEqual({ mfa: false, sessionNameMustMatchUser: false });
  });

  it('ignores the case of operators and keys, as IAM does', () => {
    expect(trustRequirements(trustWith({ bool: { 'AWS:multifactorauthpresent': 'true' } })).mfa).toBe(true);
  });

  it('does not require MFA when only one of two allowing statements asks for it', () => {
    expect(trustRequirements(trustWith({ Bool: { 'aws:MultiFactorAuthPresent': 'true' } }, {})).mfa).toBe(false);
  });

  it('does not count conditions of a Deny statement or of another action', () => {
    const policy = fromJson({
      Statement: [
        { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:root' }, Action: 'sts:AssumeRole' },
        {
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::111111111111:root' },
          Action: 'sts:TagSession',
          Condition: { StringEquals: { 'sts:ExternalId': 'x' } },
        },
      ],
    });
    expect(trustRequirements(policy).externalId).toBeUndefined();
  });
});
