import { z } from 'zod';

/** An IAM action as a request names it: `service:Action`, no wildcards (a request is one action). */
const actionSchema = z
  .string()
  .regex(/^[a-z0-9-]+:[A-Za-z0-9]+$/, 'must be one IAM action such as s3:GetObject (no wildcards)');

/** One action, or a list of them. */
const actions = z.union([actionSchema, z.array(actionSchema).min(1, 'must name at least one action')]);

/**
 * One thing that must hold for the synthesized stack, checked by `cross-account verify`:
 * `{ principal: John, can: sts:AssumeRole, on: S3ProductionAccessRole }`.
 */
export const expectationSchema = z
  .strictObject({
    principal: z.string().min(1, 'must not be empty').describe('A user or role name from the settings.'),
    can: actions.optional().describe('Action(s) the principal must be allowed. Give `can` or `cannot`, not both.'),
    cannot: actions
      .optional()
      .describe('Action(s) the principal must be denied, explicitly or implicitly. Give `can` or `cannot`, not both.'),
    on: z
      .string()
      .min(1, 'must not be empty')
      .describe(
        'A role name from the settings, any ARN, or `"*"` for an action that takes no resource (`s3:ListAllMyBuckets`). An S3 ARN carries no account: it is taken to be in the principal\'s own account.',
      ),
    context: z
      .record(z.string(), z.string())
      .default({})
      .describe(
        'Request context keys, e.g. `{ "aws:MultiFactorAuthPresent": "true" }` or `{ "aws:TokenIssueTime": "2026-11-24T12:00:00Z" }`.',
      ),
  })
  .superRefine((expectation, context) => {
    if ((expectation.can === undefined) === (expectation.cannot === undefined)) {
      context.addIssue({ code: 'custom', message: 'give exactly one of `can` or `cannot`' });
    }
  });

/** The settings' `expectations` list. */
export const expectationsSchema = z.array(expectationSchema);

/** One expectation with defaults filled in. */
export type ExpectationSettings = z.output<typeof expectationSchema>;
