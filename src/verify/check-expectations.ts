import { decide, type MatrixEntry } from './access-matrix';
import { resolveTarget } from './principal-requests';
import type { StackPrincipals } from '../access/stack-principals';

/** Something that must hold: `principal` can (or cannot) do each action `on` a role or ARN. */
export interface Expectation {
  /** User or role name. */
  readonly principal: string;
  /** Actions that must be allowed. Exactly one of `can` and `cannot` is given. */
  readonly can?: string | readonly string[];
  /** Actions that must be denied, explicitly or implicitly. */
  readonly cannot?: string | readonly string[];
  /** A role name of the stack, an ARN, or `*` for an action that takes no resource. */
  readonly on: string;
  /** Request context keys. @default {} */
  readonly context?: Readonly<Record<string, string>>;
}

/** The outcome of one action of one expectation. */
export interface ExpectationResult {
  /** Position in the settings' `expectations` list. */
  readonly index: number;
  /** What the expectation asks. */
  readonly expected: 'can' | 'cannot';
  /** The evaluated request, with the decision and why. */
  readonly entry: MatrixEntry;
  /** True when the decision is what was expected (an Invalid request never holds). */
  readonly holds: boolean;
  /** One line saying which expectation, what it expected, what was decided and why. */
  readonly text: string;
}

/** Evaluates every expectation against the principals rebuilt from the stack. */
export async function checkExpectations(
  expectations: readonly Expectation[],
  principals: StackPrincipals,
): Promise<ExpectationResult[]> {
  const everyone = [...principals.users, ...principals.roles];
  const results = expectations.flatMap((expectation, index) => {
    const expected = expectation.can !== undefined ? 'can' : 'cannot';
    const actions = [expectation.can ?? expectation.cannot ?? []].flat();
    const principal = everyone.find((candidate) => candidate.name === expectation.principal);
    return actions.map(async (action): Promise<ExpectationResult> => {
      const wanted = `expectations[${index}]: ${expectation.principal} ${expected} ${action} on ${expectation.on}`;
      if (!principal) {
        const entry: MatrixEntry = {
          principal: expectation.principal,
          action,
          resource: expectation.on,
          target: expectation.on,
          context: expectation.context ?? {},
          decision: 'Invalid',
          deciding: [],
          because: 'no user or role of that name in the synthesized stack',
        };
        return { index, expected, entry, holds: false, text: `${wanted}: ${entry.because}` };
      }
      const target = resolveTarget(expectation.on, principal, principals.roles);
      const entry = await decide(principal, action, target, expectation.context);
      const holds = entry.decision !== 'Invalid' && (entry.decision === 'Allowed') === (expected === 'can');
      return {
        index,
        expected,
        entry,
        holds,
        text: `${wanted}: ${holds ? 'holds' : 'fails'}, the evaluator decided ${entry.decision}: ${entry.because}`,
      };
    });
  });
  return Promise.all(results);
}
