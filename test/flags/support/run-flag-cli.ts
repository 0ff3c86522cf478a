import { Command, CommanderError } from 'commander';
import { StepwiseError } from '../../../src/model/errors.ts';
import type { CliContext } from '../../../src/cli/command.ts';
import { registerFlag } from '../../../src/cli/commands/flag.ts';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** `stepwise flag …` in-process, with the exit-code mapping of src/cli/main.ts. */
export async function runFlagCli(args: readonly string[], env: Record<string, string>, cwd: string): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  let code = 0;
  const context: CliContext = {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    env,
    cwd,
    exit: (value) => {
      code = value;
    },
  };
  const program = new Command('stepwise').exitOverride().configureOutput({ writeOut: context.stdout, writeErr: context.stderr });
  registerFlag(program, context);
  try {
    await program.parseAsync(['node', 'stepwise', 'flag', ...args]);
  } catch (error) {
    if (error instanceof CommanderError) code = error.exitCode === 0 ? 0 : 3;
    else if (error instanceof StepwiseError) {
      stderr += `error ${error.code}: ${error.message}\n`;
      code = error.exitCode;
    } else throw error;
  }
  return { code, stdout, stderr };
}
