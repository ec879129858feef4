import type { AccessChange, DiffReport } from '../access-diff';

/** `{ "gained": [...], "lost": [...] }`, each entry `principal, action, resource, before, after, because`. */
export function formatDiffJson(report: DiffReport): string {
  const entry = ({ principal, action, resource, before, after, because }: AccessChange) => ({
    principal,
    action,
    resource,
    before,
    after,
    because,
  });
  return `${JSON.stringify({ gained: report.diff.gained.map(entry), lost: report.diff.lost.map(entry) }, null, 2)}\n`;
}
