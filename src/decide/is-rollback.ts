import semver from 'semver';
import type { DecisionContext } from './decision-context.ts';
import type { PublishedVersion } from '../model/snapshot.ts';
import { versionKey } from '../model/snapshot.ts';

/**
 * Whether the candidate goes back in time: a newer version of its service has run in this
 * environment (now or before). "Newer" is by version number where both read as semver (so a
 * 2.0 published before a 1.1 is still a step forward from it), and by publication order otherwise.
 */
export function isRollback(context: DecisionContext): boolean {
  const { snapshot, versions, candidate } = context.input;
  const published = context.candidate;
  if (!published) return false;
  const seen = [...snapshot.live, ...snapshot.history];
  return seen.some((entry) => {
    if (entry.service !== candidate.service || entry.version === candidate.version) return false;
    const other = versions.get(versionKey(entry.service, entry.version));
    return other !== undefined && isNewer(other, published);
  });
}

function isNewer(a: PublishedVersion, b: PublishedVersion): boolean {
  const left = semver.coerce(a.version, { includePrerelease: true });
  const right = semver.coerce(b.version, { includePrerelease: true });
  if (left && right && semver.compare(left, right) !== 0) return semver.gt(left, right);
  return a.publishedAt > b.publishedAt;
}
