import { Option } from 'commander';
import { engineFor } from '../../contracts/index.ts';
import type { CheckOptions } from '../../contracts/engine.ts';
import { CONTRACT_KINDS, isContractKind, type ContractKind } from '../../model/contract-kind.ts';
import type { ContractSource } from '../../model/contract-source.ts';
import { StepwiseError } from '../../model/errors.ts';
import type { Finding, Severity } from '../../model/finding.ts';
import type { RegisterCommand } from '../command.ts';
import { loadDiffInput } from '../load-diff-input.ts';
import { FINDINGS_FORMATS, renderFindings, type FindingsFormat } from '../render/render-findings.ts';
import { checkModes } from '../../contracts/modes.ts';
import { COMPATIBILITY_MODES } from '../../contracts/compatibility-mode.ts';

interface DiffFlags {
  kind?: string;
  consumer?: boolean;
  format: FindingsFormat;
  json?: boolean;
  severity?: string[];
  exempt?: string[];
  mode?: string;
}

/**
 * The pure part of `stepwise diff`: compare two loaded contracts (or, with `consumer`, check that
 * the provider OLD serves the consumer expectation NEW) and return the findings.
 */
export function diffContracts(before: ContractSource, after: ContractSource, consumer: boolean, options: CheckOptions): Finding[] {
  const engine = engineFor(before.kind);
  return consumer ? engine.satisfies(before, { contract: after }, options) : engine.compare(before, after, options);
}

/** `stepwise diff OLD NEW`: offline, no server; exit 0 nothing breaks, 1 something does, 3 bad input. */
export const registerDiff: RegisterCommand = (program, context) => {
  program
    .command('diff')
    .description('what breaks between two versions of a contract (OpenAPI, JSON Schema, Avro, protobuf)')
    .argument('<old>', 'the previous contract (file, or directory of .proto files)')
    .argument('<new>', 'the new contract; with --consumer, what a consumer expects')
    .argument('[more...]', 'further versions, oldest first, checked together under --mode')
    .option('--kind <kind>', `contract kind (${CONTRACT_KINDS.join(', ')}); guessed from the files otherwise`)
    .option('--consumer', 'treat NEW as a consumer expectation (a subset spec) and check that OLD serves it')
    .addOption(new Option('--format <format>', 'output format').choices([...FINDINGS_FORMATS]).default('text'))
    .option('--json', 'same as --format json')
    .option('--severity <rule=level...>', 'override a rule or category severity (breaking, warning, info, off)')
    .option('--exempt <fingerprint...>', 'accept findings with these fingerprints')
    .addOption(new Option('--mode <mode>', 'compatibility mode over the versions (Confluent-style)').choices([...COMPATIBILITY_MODES]))
    .action(async (oldPath: string, newPath: string, more: string[], flags: DiffFlags) => {
      let kind: ContractKind | undefined;
      if (flags.kind !== undefined) {
        if (!isContractKind(flags.kind)) throw new StepwiseError('BAD_INPUT', `unknown --kind ${flags.kind}: use one of ${CONTRACT_KINDS.join(', ')}`);
        kind = flags.kind;
      }
      const before = await loadDiffInput(resolvePath(context.cwd, oldPath), kind);
      const after = await loadDiffInput(resolvePath(context.cwd, newPath), kind ?? before.kind);
      if (before.kind !== after.kind) {
        throw new StepwiseError('BAD_INPUT', `${oldPath} looks like ${before.kind} and ${newPath} like ${after.kind}: pass --kind`);
      }
      const options: CheckOptions = {
        severities: parseSeverities(flags.severity ?? []),
        exemptions: flags.exempt ?? [],
        settings: { now: new Date().toISOString().slice(0, 10) },
      };
      const rest = await Promise.all(more.map((path) => loadDiffInput(resolvePath(context.cwd, path), before.kind)));
      const findings =
        flags.mode !== undefined || rest.length > 0
          ? checkModes(before.kind, [before, after, ...rest], flags.mode ?? 'BACKWARD', options).findings
          : diffContracts(before, after, flags.consumer === true, options);
      const format = flags.json ? 'json' : flags.format;
      context.stdout(renderFindings({ findings, before: oldPath, after: more.at(-1) ?? newPath, consumer: flags.consumer === true }, format));
      context.exit(findings.some((finding) => finding.severity === 'breaking') ? 1 : 0);
    });
};

function resolvePath(cwd: string, path: string): string {
  return path.startsWith('/') ? path : `${cwd}/${path}`;
}

function parseSeverities(entries: readonly string[]): Record<string, Severity | 'off'> {
  const out: Record<string, Severity | 'off'> = {};
  for (const entry of entries) {
    const match = /^([A-Z0-9_]+)=(breaking|warning|info|off)$/.exec(entry);
    if (!match) throw new StepwiseError('BAD_INPUT', `--severity ${entry}: expected RULE_OR_CATEGORY=breaking|warning|info|off`);
    out[match[1]!] = match[2] as Severity | 'off';
  }
  return out;
}
