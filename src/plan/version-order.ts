import semver from 'semver';
import type { PublishedVersion } from '../model/snapshot.ts';

/**
 * Which of two versions of one service is the older: by version number where both read as one
 * (so 1.1 comes before 2.0 however they were published or listed), else by publication. The same
 * notion of "newer" can-i-deploy uses to spot a rollback, so a plan never walks a service back.
 */
export function compareVersions(a: PublishedVersion, b: PublishedVersion): number {
  const left = semver.coerce(a.version, { includePrerelease: true });
  const right = semver.coerce(b.version, { includePrerelease: true });
  if (left && right && semver.compare(left, right) !== 0) return semver.compare(left, right);
  return a.publishedAt < b.publishedAt ? -1 : a.publishedAt > b.publishedAt ? 1 : 0;
}
