import type { Finding } from '../../model/finding.ts';
import type { CheckOptions } from '../engine.ts';
import type { BufConfig } from './buf-config.ts';
import type { LoadedProtoSet } from './load-proto-set.ts';
import type { ProtoReport, ProtoRule } from './proto-rule.ts';
import type { ProtoSet } from './proto-set.ts';
import { applyPolicies } from '../policy/apply-policies.ts';
import { PROTO_RULES, RULES } from './rules/index.ts';
import { selectRules } from './select-rules.ts';
import { toFinding } from './to-findings.ts';

/** `v1alpha1`, `v2beta3`, `v1test`, `v1p1alpha`: versions buf calls unstable. */
const UNSTABLE = /^v\d+(p\d+)?(alpha|beta)\d*$|^v\d+(p\d+)?test\w*$/;

export function isUnstablePackage(pkg: string): boolean {
  return pkg.split('.').some((part) => UNSTABLE.test(part));
}

function stringList(value: unknown): string[] | undefined {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : undefined;
}

/** Settings given by the caller win over the buf.yaml of the current version. */
export function effectiveConfig(config: BufConfig, settings: Readonly<Record<string, unknown>> = {}): BufConfig {
  return {
    ...config,
    use: stringList(settings.use) ?? config.use,
    except: stringList(settings.except) ?? config.except,
    ignore: stringList(settings.ignore) ?? config.ignore,
    ignoreUnstablePackages: typeof settings.ignoreUnstablePackages === 'boolean' ? settings.ignoreUnstablePackages : config.ignoreUnstablePackages,
  };
}

function ignored(path: string | undefined, ignore: readonly string[]): boolean {
  if (!path) return false;
  return ignore.some((entry) => path === entry || path.startsWith(entry.replace(/\/+$/, '') + '/'));
}

function packageOf(set: ProtoSet, file: string | undefined): string | undefined {
  return file ? set.files.get(file)?.package : undefined;
}

/** Runs rules over two versions and returns raw findings, ordered by place then rule. */
export function runProtoRules(before: ProtoSet, after: ProtoSet, rules: readonly ProtoRule[], config: BufConfig): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    const context = {
      before, after,
      report: (report: ProtoReport): void => {
        if (ignored(report.after?.file, config.ignore) || ignored(report.before?.file, config.ignore)) return;
        if (config.ignoreUnstablePackages) {
          const pkgs = [packageOf(before, report.before?.file), packageOf(after, report.after?.file)];
          if (pkgs.some((pkg) => pkg !== undefined && isUnstablePackage(pkg))) return;
        }
        const shown = {
          ...report,
          before: report.before && { ...report.before, file: before.displayPath(report.before.file) },
          after: report.after && { ...report.after, file: after.displayPath(report.after.file) },
        };
        findings.push(toFinding(rule.definition, shown));
      },
    };
    rule.check(context);
  }
  const key = (finding: Finding) => [finding.after?.file ?? finding.before?.file ?? '', String(finding.after?.line ?? 0).padStart(8, '0'),
    String(finding.after?.column ?? 0).padStart(8, '0'), finding.rule, finding.message].join('\u0000');
  return findings.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** buf breaking: what breaks clients of `before` when they meet `after`. */
export function compareProtoSets(before: LoadedProtoSet, after: LoadedProtoSet, options: CheckOptions = {}): Finding[] {
  const config = effectiveConfig(after.config, options.settings);
  const overridden = options.settings?.use !== undefined || options.settings?.except !== undefined;
  const selections = overridden ? [config] : [config, ...config.policies];
  const chosen = new Set(selections.flatMap((selection) => selectRules(selection)));
  const rules = PROTO_RULES.filter((rule) => chosen.has(rule));
  return applyPolicies(runProtoRules(before.set, after.set, rules, config), RULES, options);
}
