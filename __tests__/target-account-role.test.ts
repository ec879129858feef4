import { listStackRoles } from '../src/access';
import { synthesizeSettingsFile } from './support/synthesize';

describe('a hardened role in the synthesized stack', () => {
  const { json } = synthesizeSettingsFile('config/examples/hardened.yaml');
  const role = Object.values(json.resource!.aws_iam_role).find(
    (attributes) => attributes.name === 'S3ProductionAccessRole',
  ) as Record<string, string>;

  it('trusts the listed users by Terraform reference to their ARNs', () => {
    const trust = JSON.parse(role.assume_role_policy) as { Statement: { Principal: { AWS: string[] } }[] };
    expect(trust.Statement[0].Principal.AWS).toEqual([
      expect.stringMatching(/^\$\{aws_iam_user\.account-dev-111111111111_identity_user-John_user_[0-9A-F]{8}\.arn\}$/),
      expect.stringMatching(/^\$\{aws_iam_user\.account-dev-111111111111_identity_user-Priya_user_[0-9A-F]{8}\.arn\}$/),
    ]);
  });

  it('escapes the IAM policy variable for Terraform, and the read-back trust policy has it as AWS will see it', () => {
    expect(role.assume_role_policy).toContain('"sts:RoleSessionName":"$${aws:username}"');
    const [stackRole] = listStackRoles(json);
    const [statement] = stackRole.trustPolicy.statements;
    expect(statement.conditions?.StringLike).toEqual({ 'sts:RoleSessionName': '${aws:username}' });
    expect(statement.principals).toEqual({
      AWS: ['arn:aws:iam::111111111111:user/John', 'arn:aws:iam::111111111111:user/Priya'],
    });
  });

  it('carries the permissions boundary', () => {
    expect(role.permissions_boundary).toBe('arn:aws:iam::aws:policy/AmazonS3FullAccess');
  });

  it('has no boundary and trusts the account root when the settings ask for neither', () => {
    const plain = Object.values(synthesizeSettingsFile('config/default.yaml').json.resource!.aws_iam_role)[0];
    expect(plain).not.toHaveProperty('permissions_boundary');
    expect(JSON.parse(String(plain.assume_role_policy)).Statement[0].Principal).toEqual({
      AWS: 'arn:aws:iam::111111111111:root',
    });
  });
});
