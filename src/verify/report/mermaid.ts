import type { StackUser } from '../../access';
import { parseArn } from '../../policies/arn';
import type { MatrixEntry } from '../access-matrix';
import { NOT_EVALUATED_NOTE } from '../not-evaluated';
import type { VerifyReport } from '../verify-stack';

/**
 * A Mermaid flowchart (GitHub renders it) of the evaluated access: users →
 * their groups → the roles whose assumption a group's (or the user's own) policy
 * decided, allowed (solid) or explicitly denied (dotted) → the buckets each
 * role may use, with the S3 actions allowed there. Users, groups and roles that
 * exist outside the stack say so in their box, and each user or role whose other
 * policies are unknown carries the note that they are not evaluated.
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
  const existing = new Map(
    [...users, ...roles].flatMap((principal) =>
      principal.existing.map((resource) => [`${resource.kind}/${resource.name}`, resource.how] as const),
    ),
  );
  const notEvaluated = new Set(report.notEvaluated.map((entry) => `${entry.kind}/${entry.principal}`));
  const label = (kind: 'user' | 'group' | 'role', name: string) => {
    const how = existing.get(`${kind}/${name}`);
    const lines = [
      `${kind} ${text(name)}${how ? ` (existing, ${how})` : ''}`,
      ...(notEvaluated.has(`${kind}/${name}`) ? [NOT_EVALUATED_NOTE] : []),
    ];
    return `${nodeId(kind, name)}["${lines.join('<br/>')}"]`;
  };

  for (const user of users) {
    place(user.account, user.accountId, label('user', user.name));
    for (const group of user.groups) {
      place(user.account, user.accountId, label('group', group));
      edges.add(`${nodeId('user', user.name)} --> ${nodeId('group', group)}`);
    }
  }
  for (const role of roles) place(role.account, role.accountId, label('role', role.name));

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
