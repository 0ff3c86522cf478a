import type { Command } from 'commander';
import { StepwiseError } from '../../../model/errors.ts';

export interface IgnoreFlags {
  readonly ignore?: string[];
  readonly reason?: string;
  readonly until?: string;
}

export interface IgnoreBody {
  readonly service: string;
  readonly version?: string;
  readonly reason: string;
  readonly until: string;
}

/** `--ignore S[@V]` (repeatable), which only counts with `--reason` and `--until`. */
export function withIgnoreOptions(command: Command): Command {
  return command
    .option('--ignore <service[@version]>', 'leave a counterpart out of the decision (needs --reason and --until; repeatable)', collect, [])
    .option('--reason <text>', 'why the ignored counterparts may be left out (shown and audited)')
    .option('--until <date>', 'when the ignore lapses, e.g. 2026-07-01');
}

export function ignoresOf(flags: IgnoreFlags): IgnoreBody[] {
  const names = flags.ignore ?? [];
  if (names.length === 0) {
    if (flags.reason !== undefined || flags.until !== undefined) {
      throw new StepwiseError('BAD_INPUT', '--reason and --until go with --ignore S[@V]', { pointer: '--ignore' });
    }
    return [];
  }
  if (!flags.reason?.trim()) throw new StepwiseError('BAD_INPUT', '--ignore needs --reason: say why it is safe to leave it out', { pointer: '--reason' });
  if (!flags.until) throw new StepwiseError('BAD_INPUT', '--ignore needs --until: an ignore must lapse (e.g. --until 2026-07-01)', { pointer: '--until' });
  if (Number.isNaN(Date.parse(flags.until))) throw new StepwiseError('BAD_INPUT', `--until "${flags.until}" is not a date (e.g. 2026-07-01)`, { pointer: '--until' });
  return names.map((name) => {
    const at = name.lastIndexOf('@');
    const service = at > 0 ? name.slice(0, at) : name;
    const version = at > 0 ? name.slice(at + 1) : undefined;
    return { service, ...(version ? { version } : {}), reason: flags.reason!.trim(), until: flags.until! };
  });
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
