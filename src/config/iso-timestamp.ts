const ISO_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/**
 * Why `value` is not an ISO-8601 date-time with an explicit zone (Z or ±hh:mm),
 * as IAM date conditions expect, or undefined when it is one. Each field is
 * checked against the calendar by hand: `Date.parse` rolls `2026-02-30` over to
 * March 2 and reads hour 24 as the next day, so the policy would deny sessions
 * up to another time than the one written.
 */
export function isoTimestampProblem(value: string): string | undefined {
  const match = ISO_TIMESTAMP.exec(value);
  if (!match) return 'must be an ISO-8601 time with a zone, e.g. 2026-11-24T12:00:00Z';
  const [year, month, day, hour, minute, second = 0, zoneHours = 0, zoneMinutes = 0] = match
    .slice(1)
    .map((field) => (field === undefined ? undefined : Number(field)));
  const notReal = (why: string) => `"${value}" is not a real time: ${why}`;
  if (month! < 1 || month! > 12) return notReal('months run from 01 to 12');
  const days = new Date(Date.UTC(year!, month!, 0)).getUTCDate();
  if (day! < 1 || day! > days) return notReal(`${match[1]}-${match[2]} has no day ${match[3]}`);
  if (hour! > 23) return notReal('hours run from 00 to 23');
  if (minute! > 59) return notReal('minutes run from 00 to 59');
  if (second! > 59) return notReal('seconds run from 00 to 59');
  if (zoneHours! > 14 || zoneMinutes! > 59) return notReal('zone offsets run from -14:00 to +14:00');
  return undefined;
}
