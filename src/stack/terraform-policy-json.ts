import { toPolicyJson, type PolicyDocument } from '../policies';

/**
 * A policy document as the text of a Terraform attribute. The text users wrote is
 * literal already (settings enter the stack through `literalSettings`, where every
 * `${` became `$${`); what is left to escape are the IAM policy variables the
 * stack itself writes, such as `${aws:username}`, which become `$${aws:username}`
 * so Terraform hands them to AWS as they are. So: each `${` that is neither
 * escaped already (after a `$`) nor one of cdktf's own tokens (`${TfToken[…]}`,
 * later `${aws_iam_role.x.arn}`, which stay references).
 */
export function toTerraformPolicyJson(document: PolicyDocument): string {
  return toPolicyJson(document).replace(/(?<!\$)\$\{(?!TfToken\[)/g, '$$$${');
}
