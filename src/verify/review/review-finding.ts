import { REVIEW_FINDING_IDS, REVIEW_FINDINGS, type ReviewFindingId } from '../../config/acknowledgements-schema';

export { REVIEW_FINDING_IDS, REVIEW_FINDINGS, type ReviewFindingId };

/** Something a principal of the stack may do that a reviewer must see: it fails verify unless acknowledged. */
export interface ReviewFinding {
  /** The stable id an acknowledgement names, e.g. `admin-access`. */
  readonly finding: ReviewFindingId;
  /** The user or role it is about. */
  readonly principal: string;
  /** The policies that give the access, as the matrix labels them (`Testers/IAMFullAccess`), deny first where one is bypassed. */
  readonly policies: readonly string[];
  /** Why, in one line: what the principal may do and which statements allow it. */
  readonly message: string;
  /** The reason of the acknowledgement that covers it. @default none: the finding fails verify */
  readonly acknowledged?: string;
}

/** `admin-access: BreakGlass may do every action on every resource: …` */
export function formatReviewFinding(finding: ReviewFinding): string {
  return `${finding.finding}: ${finding.principal} ${finding.message}`;
}
