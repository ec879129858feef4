import type { SettingsSize } from './generate-settings';

/** One row of the benchmark: a named settings file, given or generated. */
export interface BenchCase {
  /** Row label. */
  readonly label: string;
  /** A settings file of the project (relative to its root), or the size to generate. */
  readonly settings: string | SettingsSize;
  /** Wall and memory targets of the app process from the issue, if it sets one for this size. */
  readonly target?: { readonly wallMs: number; readonly peakMiB: number };
}

/** The size issue 12's `verify` target and the planned case use. */
export const THOUSAND_USERS: SettingsSize = { users: 1000, groups: 20, roles: 50, targetAccounts: 20 };

/** Growing settings, from the project's default file to 5,000 users over 20 target accounts. */
export const BENCH_CASES: readonly BenchCase[] = [
  { label: 'default.yaml', settings: 'config/default.yaml', target: { wallMs: 1000, peakMiB: 250 } },
  { label: '10 users', settings: { users: 10, groups: 5, roles: 1, targetAccounts: 1 } },
  { label: '100 users', settings: { users: 100, groups: 10, roles: 10, targetAccounts: 5 } },
  {
    label: '1,000 users',
    settings: THOUSAND_USERS,
    target: { wallMs: 3000, peakMiB: 500 },
  },
  { label: '5,000 users', settings: { users: 5000, groups: 100, roles: 50, targetAccounts: 20 } },
];

/** The case whose offline `terraform plan` the benchmark times. */
export const PLANNED_CASE = '1,000 users';
