import type { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning';
import { Construct } from 'constructs';

/** Props of {@link SharedBucket}. */
export interface SharedBucketProps {
  /** The bucket's name (globally unique). */
  readonly name: string;
  /** Provider of the account that owns the bucket. */
  readonly provider: AwsProvider;
}

/**
 * A bucket the stack creates (`create: true`): private, encrypted and versioned,
 * and never destroyed with objects still in it.
 */
export class SharedBucket extends Construct {
  constructor(scope: Construct, id: string, props: SharedBucketProps) {
    super(scope, id);
    const { provider } = props;
    const bucket = new S3Bucket(this, 'bucket', { provider, bucket: props.name, forceDestroy: false });
    new S3BucketPublicAccessBlock(this, 'public-access-block', {
      provider,
      bucket: bucket.id,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    new S3BucketServerSideEncryptionConfigurationA(this, 'encryption', {
      provider,
      bucket: bucket.id,
      rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' } }],
    });
    new S3BucketVersioningA(this, 'versioning', {
      provider,
      bucket: bucket.id,
      versioningConfiguration: { status: 'Enabled' },
    });
  }
}
