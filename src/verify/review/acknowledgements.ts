import type { ReviewFinding, ReviewFindingId } from './review-finding';

/** A review finding that is intended, from the settings' `acknowledge` list. */
export interface Acknowledgement {
  /** The finding id(s) it covers. */
  readonly finding: ReviewFindingId | readonly ReviewFindingId[];
  /** The user or role name(s) it covers. */
  readonly principal: string | readonly string[];
  /** Why the access is acceptable. */
  readonly reason: string;
}

/**
 * Marks each finding that an acknowledgement covers (same id, same principal)
 * with its reason, and reports every (finding, principal) pair an
 * acknowledgement names that matches no finding: a stale acknowledgement would
 * otherwise hide the next finding of that kind.
 */
export function applyAcknowledgements(
  findings: readonly ReviewFinding[],
  acknowledgements: readonly Acknowledgement[],
): { readonly findings: ReviewFinding[]; readonly stale: string[] } {
  const pairs = acknowledgements.map((acknowledgement) =>
    [acknowledgement.finding]
      .flat()
      .flatMap((finding) => [acknowledgement.principal].flat().map((principal) => ({ finding, principal }))),
  );
  const covers = (i: number, finding: ReviewFinding) =>
    pairs[i].some((pair) => pair.finding === finding.finding && pair.principal === finding.principal);
  const marked = findings.map((finding) => {
    const i = acknowledgements.findIndex((_, index) => covers(index, finding));
    return i < 0 ? finding : { ...finding, acknowledged: acknowledgements[i].reason };
  });
  const stale = pairs.flatMap((list, i) =>
    list
      .filter(
        (pair) => !findings.some((finding) => finding.finding === pair.finding && finding.principal === pair.principal),
      )
      .map(
        (pair) =>
          `acknowledge[${i}]: ${pair.principal} has no ${pair.finding} finding: remove it from the acknowledgement`,
      ),
  );
  return { findings: marked, stale };
}
