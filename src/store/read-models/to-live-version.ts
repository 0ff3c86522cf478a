import type { LiveVersion } from '../../model/snapshot.ts';
import type { LiveVersionRow } from '../tables/live-versions.ts';

export function toLiveVersion(row: Pick<LiveVersionRow, 'service' | 'version' | 'target' | 'mode' | 'since'>): LiveVersion {
  return { service: row.service, version: row.version, target: row.target, mode: row.mode, since: row.since };
}
