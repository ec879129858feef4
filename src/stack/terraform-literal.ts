import type { Settings } from '../config';

/** `${` and `%{`: the sequences that open a Terraform interpolation or directive. */
const TEMPLATE_SEQUENCE = /([$%])\{/g;

/**
 * Text as a Terraform string literal: `${` becomes `$${` and `%{` becomes `%%{`,
 * Terraform's escapes for its two template sequences, so Terraform reads
 * exactly this text and evaluates nothing in it (cdktf escapes only inside its Fn calls). An escape already there is
 * escaped once more: `$${x}` is written `$$${x}` and read back as `$${x}`.
 */
export function toTerraformLiteral(text: string): string {
  return text.replace(TEMPLATE_SEQUENCE, '$1$1{');
}

/** Plain data with every string in it, object keys included, made a {@link toTerraformLiteral}; prototypes are kept. */
export function terraformLiterals<T>(value: T): T {
  if (typeof value === 'string') return toTerraformLiteral(value) as T;
  if (Array.isArray(value)) return value.map(terraformLiterals) as T;
  if (typeof value !== 'object' || value === null) return value;
  const copy = Object.create(Object.getPrototypeOf(value) as object | null) as Record<string, unknown>;
  for (const [key, item] of Object.entries(value)) copy[toTerraformLiteral(key)] = terraformLiterals(item);
  return copy as T;
}

/**
 * Settings as the stack's resources take them: the one place settings enter the
 * stack, so every string a user wrote (names, tags, profiles, display names…)
 * reaches Terraform as a literal, the settings file's own path included. The backend is left as
 * written: Terraform reads a backend block literally already, so escaping it would change the path.
 */
export function literalSettings(settings: Settings): Settings {
  return { ...terraformLiterals(settings), backend: settings.backend };
}
