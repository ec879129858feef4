import { z } from 'zod';

/** An IAM action as a request names it: `service:Action`, no wildcards (a request is one action). */
const actionSchema = z
  .string()
  .regex(/^[a-z0-9-]+:[A-Za-z0-9]+$/, 'must be one IAM action such as s3:GetObject (no wildcards)');

/**
 * One thing that must hold for the synthesized stack, checked by `cross-account verify`:
 * `{ principal: John, can: sts:AssumeRole, on: S3ProductionAccessRole }`.
 */
export const expectationSchema = z
  .strictObject({
    /** A user or role name from the settings. */
    principal: z.string().min(1, 'must not be empty'),
    /** Action(s) the principal must be allowed. Give `can` or `cannot`, not both. */
    can: z.union([actionSchema, z.array(actionSchema).min(1, 'must name at least one action')]).optional(),
    /** Action(s) the principal must be denied (explicitly or implicitly). */
    cannot: z.union([actionSchema, z.array(actionSchema).min(1, 'must name at least one action')]).optional(),
    /** A role name from the settings, or any ARN (an S3 ARN is taken to be in the principal's own account). */
    on: z.string().min(1, 'must not be empty'),
    /** Request context keys, e.g. `{ "aws:TokenIssueTime": "2026-11-24T12:00:00Z" }`. @default {} */
    context: z.record(z.string(), z.string()).default({}),
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
