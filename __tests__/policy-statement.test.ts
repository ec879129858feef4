import {
  assumeRolePolicy,
  bucketAccessPolicy,
  bucketGrants,
  identityPolicyProblems,
  parsePolicyDocument,
  toPolicyJson,
  trustPolicy,
  trustPolicyProblems,
} from '../src/policies';

describe('one model of a policy statement', () => {
  it('reads IAM JSON back into the same statements the documents were built from', () => {
    const built = trustPolicy({ trustedAccountId: '111111111111', requireMfa: true, externalId: 'shared-id' });
    expect(parsePolicyDocument(toPolicyJson(built))).toEqual(built);
    const identity = bucketAccessPolicy([{ bucket: 'productionapp', access: 'read-write' }]);
    expect(parsePolicyDocument(JSON.parse(toPolicyJson(identity)))).toEqual(identity);
  });

  it('keeps NotAction, NotResource and a statement without Sid as AWS wrote them', () => {
    const json = { Statement: { Effect: 'Allow', NotAction: 'iam:*', NotResource: ['arn:aws:s3:::x'] } };
    expect(parsePolicyDocument(json)).toEqual({
      statements: [{ effect: 'Allow', notActions: ['iam:*'], notResources: ['arn:aws:s3:::x'] }],
    });
    expect(JSON.parse(toPolicyJson(parsePolicyDocument(json)!)).Statement).toEqual([
      { Effect: 'Allow', NotAction: 'iam:*', NotResource: 'arn:aws:s3:::x' },
    ]);
    expect(parsePolicyDocument('{not json')).toBeUndefined();
    expect(parsePolicyDocument({ Statement: [{ Effect: 'Maybe' }] })).toBeUndefined();
  });

  it('checks identity and trust policies apart: resources and no principal, or a principal', () => {
    const allow = assumeRolePolicy({ allow: [{ name: 'R', arn: 'arn:aws:iam::999999999999:role/R' }] });
    const trust = trustPolicy({ trustedAccountId: '111111111111' });
    expect(identityPolicyProblems(allow)).toEqual([]);
    expect(trustPolicyProblems(trust)).toEqual([]);
    expect(identityPolicyProblems(trust)).toEqual([
      { statement: 'TrustIdentityAccount', message: 'names a principal: identity policies apply to their holder' },
    ]);
    expect(trustPolicyProblems(allow)).toEqual([
      { statement: 'AllowAssumeR', message: 'names no principal: a trust policy says who may assume' },
    ]);
    expect(identityPolicyProblems({ statements: [{ effect: 'Allow', actions: ['s3:GetObject'] }] })).toEqual([
      { statement: '#1', message: 'names no resource: identity policy statements need Resource' },
    ]);
  });
});

describe('the buckets a policy grants', () => {
  it('lists each action on a bucket or on all its objects, in document order, in any partition', () => {
    const policy = bucketAccessPolicy([{ bucket: 'govbucket', access: 'read-only' }], 'aws-us-gov');
    expect(bucketGrants([policy])).toEqual([
      { action: 's3:ListBucket', bucket: 'govbucket', objects: false },
      { action: 's3:GetBucketLocation', bucket: 'govbucket', objects: false },
      { action: 's3:GetObject', bucket: 'govbucket', objects: true },
    ]);
  });

  it('ignores denies, other services and resources that are neither a bucket nor all its objects', () => {
    const policy = parsePolicyDocument({
      Statement: [
        { Effect: 'Deny', Action: 's3:GetObject', Resource: 'arn:aws:s3:::a/*' },
        { Effect: 'Allow', Action: 's3:GetObject', Resource: ['arn:aws:s3:::b/one/key', 'arn:aws:iam::1:role/x'] },
        { Effect: 'Allow', Action: 's3:Put*', Resource: 'arn:aws:s3:::c/*' },
      ],
    })!;
    expect(bucketGrants([policy])).toEqual([{ action: 's3:Put*', bucket: 'c', objects: true }]);
  });
});
