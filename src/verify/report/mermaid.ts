import type { StackUser } from '../../access';
import { parseArn } from '../../policies/arn';
import type { MatrixEntry } from '../access-matrix';
import type { VerifyReport } from '../verify-stack';

/**
 * A Mermaid flowchart (GitHub renders it) of the evaluated access: users →
 * their groups → the roles whose assumption a group's (or the user's own) policy
 * decided, allowed (solid) or explicitly denied (dotted) → the buckets each
 * role may use, with the S3 actions allowed there.
 */
export function formatMermaid(report: VerifyReport): string {
  const { users, roles } = report.principals;
  const lines = ['graph LR'];
  const accounts = new Map<string, { id: string; nodes: string[] }>();
  const place = (account: string, id: string, node: string) => {
    const entry = accounts.get(account) ?? { id, nodes: [] };
    if (!entry.nodes.includes(node)) entry.nodes.push(node);
    accounts.set(account, entry);
  };
  const edges = new Set<string>();

  for (const user of users) {
    place(user.account, user.accountId, `${nodeId('user', user.name)}["user ${text(user.name)}"]`);
    for (const group of user.groups) {
      place(user.account, user.accountId, `${nodeId('group', group)}["group ${text(group)}"]`);
      edges.add(`${nodeId('user', user.name)} --> ${nodeId('group', group)}`);
    }
  }
  for (const role of roles)
    place(role.account, role.accountId, `${nodeId('role', role.name)}["role ${text(role.name)}"]`);

  for (const entry of report.matrix.assume) {
    if (entry.decision !== 'Allowed' && entry.decision !== 'ExplicitlyDenied') continue;
    const user = users.find((candidate) => candidate.name === entry.principal);
    for (const holder of decidingHolders(entry, user)) {
      const arrow = entry.decision === 'Allowed' ? '-->|"may assume"|' : '-.->|"denied"|';
      edges.add(`${holder} ${arrow} ${nodeId('role', entry.target)}`);
    }
  }

  const allowedByTarget = new Map<string, Set<string>>();
  for (const entry of report.matrix.roleActions) {
    if (entry.decision !== 'Allowed' || !entry.action.startsWith('s3:') || entry.probe === 'dangerous') continue;
    const bucket = (parseArn(entry.resource)?.resource ?? entry.resource).split('/')[0];
    const target = entry.probe === 'other-bucket' ? 'any other bucket' : bucket;
    const key = `${entry.principal}\n${target}`;
    allowedByTarget.set(key, (allowedByTarget.get(key) ?? new Set()).add(entry.action.replace(/^s3:/, '')));
  }
  for (const [key, actions] of allowedByTarget) {
    const [roleName, bucket] = key.split('\n');
    const role = roles.find((candidate) => candidate.name === roleName);
    if (role) place(role.account, role.accountId, `${nodeId('bucket', bucket)}[("${text(bucket)}")]`);
    edges.add(`${nodeId('role', roleName)} -->|"${[...actions].join(', ')}"| ${nodeId('bucket', bucket)}`);
  }

  for (const [account, { id, nodes }] of accounts) {
    lines.push(`  subgraph ${nodeId('account', account)}["${text(account)} (${id})"]`);
    lines.push(...nodes.map((node) => `    ${node}`), '  end');
  }
  lines.push(...[...edges].map((edge) => `  ${edge}`));
  return `${lines.join('\n')}\n`;
}

/** Node ids of the groups or user whose identity policy decided `entry`. */
function decidingHolders(entry: MatrixEntry, user: StackUser | undefined): string[] {
  if (!user) return [];
  return entry.deciding.flatMap((reason) => {
    const policy = user.policies.find((candidate) => candidate.label === reason.policy);
    if (reason.policyType !== 'identity' || !policy) return [];
    return [nodeId(policy.holder.kind, policy.holder.name)];
  });
}

/** Mermaid ids allow letters, digits and underscores only. */
function nodeId(kind: string, name: string): string {
  return `${kind}_${name.replace(/[^A-Za-z0-9]/g, '_')}`;
}

/** Labels are quoted; a quote inside is written as Mermaid's entity. */
function text(value: string): string {
  return value.replace(/"/g, '#quot;');
}
