import { toTerraformLiteral } from '../src/stack';

describe('toTerraformLiteral', () => {
  it.each([
    ['${file("/etc/hostname")}', '$${file("/etc/hostname")}'],
    ['cc-${team}', 'cc-$${team}'],
    ['%{ if true }x%{ endif }', '%%{ if true }x%%{ endif }'],
    // Already looking escaped: still escaped once more, so Terraform reads back exactly these characters.
    ['$${x}', '$$${x}'],
    ['%%{x}', '%%%{x}'],
    ['100% $5 {braces}', '100% $5 {braces}'],
  ])('writes %s as %s', (text, literal) => {
    expect(toTerraformLiteral(text)).toBe(literal);
  });
});
