/** One problem in a policy the stack writes. */
export interface LintFinding {
  /** The policy: its label (`Developers/AssumeCrossAccountRoles`), or `trust policy of <role>`. */
  readonly policy: string;
  /** The statement's Sid, or `#<n>` (1-based). @default none for the whole policy */
  readonly statement?: string;
  /** What is wrong, in one line. */
  readonly message: string;
}

/** `S3ProductionAccessPolicy, statement ReadWriteObjects: s3:PutObjekt is not an IAM action` */
export function formatFinding(finding: LintFinding): string {
  const where = finding.statement ? `${finding.policy}, statement ${finding.statement}` : finding.policy;
  return `${where}: ${finding.message}`;
}
