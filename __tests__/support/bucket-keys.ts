import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';

/** Every key in a bucket of the local s3rver, read with its own keys (not the role's), to prove what is left. */
export async function bucketKeys(endpoint: string, bucket: string): Promise<string[]> {
  const admin = new S3Client({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
  const listed = await admin.send(new ListObjectsV2Command({ Bucket: bucket }));
  return (listed.Contents ?? []).map((object) => object.Key ?? '');
}
