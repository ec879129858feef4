import { assumeRolePolicy, toPolicyJson, trustPolicy } from '../src/policies';

describe('trustPolicy', () => {
  it('trusts the identity account root, without conditions, by default', () => {
    expect(JSON.parse(toPolicyJson(trustPolicy({ trustedAccountId: '111111111111' })))).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'TrustIdentityAccount',
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::111111111111:root' },
          Action: 'sts:AssumeRole',
        },
      ],
    });
  });

  it('trusts only the listed principals, with every condition the role asks for', () => {
    const policy = trustPolicy({
      trustedAccountId: '111111111111',
      trustedPrincipalArns: ['${aws_iam_user.john.arn}', '${aws_iam_user.priya.arn}'],
      requireMfa: true,
      mfaMaxAgeSeconds: 3600,
      externalId: 'a-shared-secret-id',
      sessionNameMustMatchUser: true,
    });
    expect(JSON.parse(toPolicyJson(policy)).Statement).toEqual([
      {
        Sid: 'TrustListedPrincipals',
        Effect: 'Allow',
        Principal: { AWS: ['${aws_iam_user.john.arn}', '${aws_iam_user.priya.arn}'] },
        Action: 'sts:AssumeRole',
        Condition: {
          Bool: { 'aws:MultiFactorAuthPresent': 'true' },
          NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' },
          StringEquals: { 'sts:ExternalId': 'a-shared-secret-id' },
          StringLike: { 'sts:RoleSessionName': '${aws:username}' },
        },
      },
    ]);
  });

  it('asks for MFA without an age limit when only requireMfa is set', () => {
    const [statement] = trustPolicy({ trustedAccountId: '111111111111', requireMfa: true }).statements;
    expect(statement.conditions).toEqual({ Bool: { 'aws:MultiFactorAuthPresent': 'true' } });
  });
});

describe('assumeRolePolicy', () => {
  const role = {
    name: 'S3ProductionAccessRole',
    arn: '${aws_iam_role.r.arn}',
    requireMfa: true,
    mfaMaxAgeSeconds: 900,
  };

  it('repeats the role MFA conditions on the allow, so the identity account asks for MFA too', () => {
    const [allow] = assumeRolePolicy({ allow: [role] }).statements;
    expect(allow).toMatchObject({
      effect: 'Allow',
      conditions: {
        Bool: { 'aws:MultiFactorAuthPresent': 'true' },
        NumericLessThan: { 'aws:MultiFactorAuthAge': '900' },
      },
    });
  });

  it('keeps a deny unconditional, so it holds with or without MFA', () => {
    const [deny] = assumeRolePolicy({ deny: [role] }).statements;
    expect(deny.effect).toBe('Deny');
    expect(deny.conditions).toBeUndefined();
  });

  it('adds no condition for a role that does not require MFA', () => {
    const [allow] = assumeRolePolicy({ allow: [{ name: 'R', arn: 'arn' }] }).statements;
    expect(allow.conditions).toBeUndefined();
  });
});
