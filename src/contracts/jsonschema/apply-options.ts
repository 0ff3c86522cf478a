import type { Finding } from '../../model/finding.ts';
import type { CheckOptions } from '../engine.ts';
import type { RuleDefinition } from '../rule.ts';

/**
 * The policy step after detection: severities by rule id or category (`off` drops the finding),
 * then exemptions by fingerprint. Findings in, findings out.
 */
export function applyOptions(findings: readonly Finding[], rules: readonly RuleDefinition[], options?: CheckOptions): Finding[] {
  if (!options) return [...findings];
  const exempt = new Set(options.exemptions ?? []);
  const out: Finding[] = [];
  for (const finding of findings) {
    if (exempt.has(finding.fingerprint)) continue;
    const rule = rules.find((r) => r.id === finding.rule);
    const severity = options.severities?.[finding.rule] ?? rule?.categories.map((c) => options.severities?.[c]).find((s) => s !== undefined);
    if (severity === 'off') continue;
    // an undecided warning stays a warning: escalating it would claim a proof the check does not have
    out.push(severity && !(finding.details?.['undecided'] && severity === 'breaking') ? { ...finding, severity } : finding);
  }
  return out;
}
