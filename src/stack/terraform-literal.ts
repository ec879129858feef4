/**
 * Text that must reach Terraform as itself: `${` and `%{` start Terraform
 * templates in every JSON string, so they are doubled (`$${`, `%%{`) and read
 * back literally. cdktf escapes only inside its Fn calls.
 */
export function toTerraformLiteral(text: string): string {
  return text.replace(/\$\{/g, '$$${').replace(/%\{/g, '%%{');
}
