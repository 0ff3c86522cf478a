import type { PairChecker } from '../../decide/pair-checker.ts';
import type { CouplingReport } from '../../insights/coupling-report.ts';
import type { PublishedVersion } from '../../model/snapshot.ts';

export type LinkStatus = 'compatible' | 'breaking' | 'unknown';

export interface GraphLink {
  readonly consumer: string;
  readonly provider: string;
  readonly interface: string;
  readonly sync: boolean;
  readonly required: boolean;
  readonly status: LinkStatus;
  /** Why the link breaks or is unknown: `consumer@v -> provider@v: RULE message`. */
  readonly problems: readonly string[];
}

/**
 * Colours each edge of the coupling graph by checking every live consumer version against every
 * live provider version over the edge's interface: breaking if any pair breaks, unknown if some
 * pair cannot be judged (no contract, no engine) and none breaks.
 */
export function judgeLinks(report: CouplingReport, live: readonly PublishedVersion[], checker: PairChecker): GraphLink[] {
  const byService = new Map<string, PublishedVersion[]>();
  for (const version of live) byService.set(version.service, [...(byService.get(version.service) ?? []), version]);
  return report.graph.edges.map((edge) => {
    const problems: string[] = [];
    let unknown = false;
    let breaking = false;
    for (const consumer of byService.get(edge.consumer) ?? []) {
      const expectation = consumer.consumes.find((c) => c.interface === edge.interface);
      if (!expectation) continue;
      for (const provider of byService.get(edge.provider) ?? []) {
        const offered = provider.provides.find((p) => p.interface === edge.interface);
        if (!offered) continue;
        const pair = `${consumer.service}@${consumer.version} -> ${provider.service}@${provider.version}`;
        if (!checker.hasEngine(offered.kind) || (!offered.contract && !offered.formats)) {
          unknown = true;
          problems.push(`${pair}: no contract to check`);
          continue;
        }
        if (!expectation.contract && !expectation.formats && !expectation.operations) {
          unknown = true;
          problems.push(`${pair}: the consumer declares no expectation (unversioned contract)`);
          continue;
        }
        try {
          for (const finding of checker.check(offered.kind, offered, expectation)) {
            if (finding.severity !== 'breaking') continue;
            breaking = true;
            problems.push(`${pair}: ${finding.rule} ${finding.message}`);
          }
        } catch (error) {
          unknown = true;
          problems.push(`${pair}: ${(error as Error).message}`);
        }
      }
    }
    return { ...edge, status: breaking ? 'breaking' : unknown ? 'unknown' : 'compatible', problems };
  });
}

