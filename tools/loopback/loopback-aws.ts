import { startLocalS3 } from './local-s3';
import { startLocalSts } from './local-sts';

// Starts the tests' loopback STS (with its console federation endpoint) and s3rver (buckets from the arguments) and prints the
// environment that points the AWS SDK at them, for trying the after-deploy commands without AWS.
// Usage: npx ts-node tools/loopback/loopback-aws.ts productionapp other-bucket   (Ctrl-C stops both)
async function main(): Promise<void> {
  const callerArn = process.env.LOOPBACK_CALLER_ARN ?? 'arn:aws:iam::111111111111:user/John';
  // LOOPBACK_DENY=1 refuses every AssumeRole, as AWS does for a user the settings deny (Sri).
  const deny = process.env.LOOPBACK_DENY
    ? () => ({ code: 'AccessDenied', message: `User: ${callerArn} is not authorized to perform: sts:AssumeRole` })
    : undefined;
  const sts = await startLocalSts({ callerArn, decide: deny });
  const s3 = await startLocalS3(process.argv.slice(2));
  process.stdout.write(
    [
      `export AWS_ENDPOINT_URL_STS=${sts.endpoint}`,
      `export AWS_ENDPOINT_URL_S3=${s3.endpoint}`,
      `export CROSS_ACCOUNT_FEDERATION_ENDPOINT=${sts.federationEndpoint}`,
      'export AWS_ACCESS_KEY_ID=AKIDLOOPBACKEXAMPLE AWS_SECRET_ACCESS_KEY=loopback AWS_REGION=us-east-1',
      '',
    ].join('\n'),
  );
  process.once('SIGINT', () => void Promise.all([sts.close(), s3.close()]));
}

void main();
