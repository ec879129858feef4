import { z } from 'zod';

/**
 * What `cross-account verify` reviews beyond the expectations: each finding has
 * a stable id (what an acknowledgement names) and says in a few words what the
 * principal may do. The rules that raise them live in src/verify/review/.
 */
export const REVIEW_FINDINGS = {
  'admin-access': 'may do every action on every resource',
  'bucket-policy-change': 'may change or delete bucket policies, so it can open a bucket to anyone',
  'bucket-delete': 'may delete buckets',
  'every-bucket': 'may read, write or delete objects in buckets it was not given',
  'privilege-escalation': 'may gain permissions its policies do not give (a published IAM privilege-escalation method)',
  'self-removable-deny': 'is denied something by a policy it may itself remove or rewrite',
  'reaches-denied-role': 'may reach, through another role, a role it may not assume directly',
} as const;

/** The stable id of a kind of review finding. */
export type ReviewFindingId = keyof typeof REVIEW_FINDINGS;

/** Every review finding id, in the order verify reports them. */
export const REVIEW_FINDING_IDS = Object.keys(REVIEW_FINDINGS) as [ReviewFindingId, ...ReviewFindingId[]];

const findingIdSchema = z.enum(REVIEW_FINDING_IDS, {
  error: (issue) =>
    `${JSON.stringify(issue.input)} is not a review finding (findings: ${REVIEW_FINDING_IDS.join(', ')})`,
});

/** One value or a non-empty list of them. */
const oneOrMore = <T extends z.ZodType>(item: T, what: string) =>
  z.union([item, z.array(item).min(1, `must name at least one ${what}`)]);

/**
 * A review finding that is intended, with why: `verify` then reports it as
 * acknowledged instead of failing. Every (finding, principal) pair it names must
 * match a finding, so that an acknowledgement outlives no access.
 */
export const acknowledgementSchema = z.strictObject({
  finding: oneOrMore(findingIdSchema, 'finding').describe(
    'The review finding id, or a list of them; docs/security.md says what each one means and how verify decides it.',
  ),
  principal: oneOrMore(z.string().min(1, 'must not be empty'), 'principal').describe(
    'The user or role name the finding is about, or a list of them. Every (finding, principal) pair must match a finding of verify.',
  ),
  reason: z
    .string()
    .trim()
    .min(1, 'must say why the finding is acceptable')
    .describe("Why the access is acceptable; verify's report shows it next to the finding."),
});

/** The settings' `acknowledge` list. */
export const acknowledgementsSchema = z.array(acknowledgementSchema);

/** One acknowledgement as validated. */
export type AcknowledgementSettings = z.output<typeof acknowledgementSchema>;
