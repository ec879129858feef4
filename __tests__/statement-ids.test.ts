import { assumeRolePolicy, bucketAccessPolicy, toSid } from '../src/policies';

const sidsOf = (policy: { statements: readonly { sid?: string }[] }) => policy.statements.map((s) => s.sid);

describe('generated statement ids', () => {
  it('keep the word boundaries of the names they come from', () => {
    expect(toSid('Allow', 'Assume', 'acc-to-update-prod-s3')).toBe('AllowAssumeAccToUpdateProdS3');
    expect(toSid('ReadWrite', 'Objects', 'example-staging-artifacts')).toBe('ReadWriteObjectsExampleStagingArtifacts');
    expect(toSid('ListBucket', 'prod.bkt_details@01')).toBe('ListBucketProdBktDetails01');
    expect(toSid('Allow', 'Assume', 'S3ProductionAccessRole')).toBe('AllowAssumeS3ProductionAccessRole');
  });

  it('give each statement of a policy its own id when two names flatten alike, the same id on every run', () => {
    const role = (name: string) => ({ name, arn: `\${aws_iam_role.${name.replace(/\W/g, '_')}.arn}` });
    const build = () => assumeRolePolicy({ allow: [role('a-b'), role('a.b'), role('ab'), role('c-d')] });
    const sids = sidsOf(build());
    expect(new Set(sids.map((sid) => sid!.toLowerCase())).size).toBe(4);
    expect(sids.every((sid) => /^[A-Za-z0-9]+$/.test(sid!))).toBe(true);
    expect(sids[0]).toMatch(/^AllowAssumeAB[0-9a-f]{8}$/);
    expect(sids[3]).toBe('AllowAssumeCD');
    expect(sidsOf(build())).toEqual(sids);
    // An id depends on its own name, not on the order the names come in.
    const reversed = sidsOf(assumeRolePolicy({ allow: [role('c-d'), role('ab'), role('a.b'), role('a-b')] }));
    expect(reversed).toEqual([...sids].reverse());
  });

  it('give two buckets whose names flatten alike their own ids in one role policy', () => {
    const sids = sidsOf(
      bucketAccessPolicy([
        { bucket: 'my-bucket', access: 'read-only' },
        { bucket: 'my.bucket', access: 'read-only' },
      ]),
    );
    expect(new Set(sids).size).toBe(sids.length);
    expect(sids).toEqual([
      'ListAllBuckets',
      expect.stringMatching(/^ListBucketMyBucket[0-9a-f]{8}$/),
      expect.stringMatching(/^ReadObjectsMyBucket[0-9a-f]{8}$/),
      expect.stringMatching(/^ListBucketMyBucket[0-9a-f]{8}$/),
      expect.stringMatching(/^ReadObjectsMyBucket[0-9a-f]{8}$/),
    ]);
  });
});
