// Lists a bucket of another account as a role, from code (run: npx ts-node docs/examples/list-objects-as-role.ts).
// The credentials come from STS AssumeRole, and the SDK assumes the role again before they expire.
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { s3ClientForRole } from '../../src/session/role-s3-client';

async function main(): Promise<void> {
  const s3 = s3ClientForRole({ roleArn: 'arn:aws:iam::999999999999:role/UpdateData', sessionName: 'report-job' });
  const listed = await s3.send(new ListObjectsV2Command({ Bucket: 'amzn-s3-demo-bucket-shared-container' }));
  console.log(listed.Contents?.map((object) => object.Key));
}

main().catch((error: Error) => {
  console.error(`${error.name}: ${error.message}`);
  process.exitCode = 1;
});
