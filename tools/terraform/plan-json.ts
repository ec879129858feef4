// What the tools read of Terraform's machine-readable output (JSON output format 1.x): the
// saved plan of `terraform show -json`, and the lines of `terraform plan -json`.

/** The parts of `terraform show -json <plan>` (Terraform's JSON output format 1.x) the tools read. */
export interface SavedPlanJson {
  readonly planned_values: {
    readonly outputs?: Readonly<Record<string, { readonly value?: unknown }>>;
    readonly root_module: {
      readonly resources?: readonly PlannedResource[];
      /** Modules' resources (`module.<name>.<type>.<name>` addresses), by module (`module.<name>`). */
      readonly child_modules?: readonly { readonly address: string; readonly resources?: readonly PlannedResource[] }[];
    };
  };
  readonly resource_changes?: readonly {
    readonly address: string;
    readonly change: {
      readonly actions: readonly string[];
      readonly after_unknown?: Readonly<Record<string, unknown>>;
    };
  }[];
}

/** One resource as the plan will leave it. */
export interface PlannedResource {
  readonly address: string;
  readonly mode: string;
  readonly type: string;
  readonly name: string;
  readonly provider_name: string;
  readonly schema_version: number;
  /** Attribute values known before apply. */
  readonly values: Readonly<Record<string, unknown>>;
}

/** The lines of `terraform plan -json` this reads (Terraform's machine-readable UI, format 1.x). */
export interface PlanMessage {
  readonly type: string;
  readonly diagnostic?: TerraformDiagnostic;
  /** Of a `planned_change`: the resource (`module` is `module.<name>`, or empty at the root) and what happens to it. */
  readonly change?: {
    readonly resource: { readonly module: string; readonly resource: string };
    readonly action: string;
    /** Set when the resource is imported (`import` block). */
    readonly importing?: { readonly id: string };
  };
}

export interface TerraformDiagnostic {
  readonly severity: string;
  readonly summary: string;
  readonly detail?: string;
  /** Where in the configuration, when it is about a file (`<module>/cdk.tf.json`). */
  readonly range?: { readonly filename: string };
}

export function formatDiagnostic(d: TerraformDiagnostic): string {
  return `${d.severity}: ${d.summary}${d.detail ? ` (${d.detail})` : ''}`;
}
