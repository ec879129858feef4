import { toPolicyJson, type PolicyDocument } from '../policies';

/**
 * A policy document as the text of a Terraform attribute: IAM policy variables
 * such as `${aws:username}` become `$${aws:username}` so Terraform keeps them
 * literal for AWS, while cdktf's own tokens (`${TfToken[…]}`, later
 * `${aws_iam_role.x.arn}`) stay references. cdktf escapes only inside Fn
 * calls, so this is done by hand.
 */
export function toTerraformPolicyJson(document: PolicyDocument): string {
  return toPolicyJson(document).replace(/\$\{(?!TfToken\[)/g, '$$$${');
}
