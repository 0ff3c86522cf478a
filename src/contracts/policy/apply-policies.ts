import type { Finding, Severity } from '../../model/finding.ts';
import type { CheckOptions } from '../engine.ts';
import type { RuleDefinition } from '../rule.ts';

/**
 * Detection is separate from policy: engines emit raw findings and this applies the configured
 * policies, in a fixed order — severity overrides by rule id, then by category; `off` drops a
 * finding; then exemptions by fingerprint drop accepted findings. Each change is recorded in
 * `details.policy` so a verdict can always say why a finding is not what its rule says.
 */
export function applyPolicies(findings: readonly Finding[], rules: readonly RuleDefinition[], options: CheckOptions = {}): Finding[] {
  const severities = options.severities ?? {};
  const exempt = new Set(options.exemptions ?? []);
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  const out: Finding[] = [];
  for (const finding of findings) {
    const override = severityFor(finding, byId.get(finding.rule), severities);
    if (override?.severity === 'off') continue;
    if (exempt.has(finding.fingerprint)) continue;
    if (override && override.severity !== finding.severity) {
      out.push({
        ...finding,
        severity: override.severity,
        details: { ...finding.details, policy: [`severity ${finding.severity} -> ${override.severity} by ${override.by}`] },
      });
    } else {
      out.push(finding);
    }
  }
  return out;
}

function severityFor(
  finding: Finding,
  rule: RuleDefinition | undefined,
  severities: Readonly<Record<string, Severity | 'off'>>,
): { severity: Severity | 'off'; by: string } | undefined {
  const own = severities[finding.rule];
  if (own !== undefined) return { severity: own, by: `rule ${finding.rule}` };
  for (const category of rule?.categories ?? []) {
    const forCategory = severities[category];
    if (forCategory !== undefined) return { severity: forCategory, by: `category ${category}` };
  }
  return undefined;
}
