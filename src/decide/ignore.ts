/**
 * Leaves a counterpart (`service`, or `service@version`) out of a decision. Only with a reason and
 * an expiry, so every ignore is explained and lapses by itself; the shell audits it.
 */
export interface Ignore {
  readonly service: string;
  /** Absent: every version of the service. */
  readonly version?: string;
  readonly reason: string;
  /** ISO timestamp; the ignore applies while `snapshot.at` is before it. */
  readonly until: string;
}

export function ignoreLabel(ignore: Ignore): string {
  return ignore.version === undefined ? ignore.service : `${ignore.service}@${ignore.version}`;
}
