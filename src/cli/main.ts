import { Command, CommanderError } from 'commander';
import { StepwiseError } from '../model/errors.ts';
import { ContractError } from '../contracts/contract-error.ts';
import type { CliContext } from './command.ts';
import { COMMANDS } from './commands/index.ts';

/** Runs the CLI and resolves to the exit code. */
export async function main(argv: readonly string[], overrides: Partial<CliContext> = {}): Promise<number> {
  let exitCode = 0;
  const context: CliContext = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
    exit: (code) => {
      exitCode = code;
    },
    ...overrides,
  };
  const program = new Command('stepwise')
    .description('Deploy each service on its own, safely.')
    .version('0.1.0')
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({ writeOut: context.stdout, writeErr: context.stderr })
    .showHelpAfterError();
  for (const register of COMMANDS) register(program, context);
  try {
    await program.parseAsync([...argv]);
    return exitCode;
  } catch (error) {
    return reportError(error, context);
  }
}

function reportError(error: unknown, context: CliContext): number {
  if (error instanceof CommanderError) {
    // help and version end through here too, with exit code 0
    return error.exitCode === 0 ? 0 : 3;
  }
  if (error instanceof StepwiseError) {
    context.stderr(`error ${error.code}: ${error.message}\n`);
    return error.exitCode;
  }
  if (error instanceof ContractError) {
    context.stderr(`error ${error.code}: ${error.message}\n`);
    return 3;
  }
  context.stderr(`error: ${error instanceof Error ? error.message : String(error)}\n`);
  return 3;
}
