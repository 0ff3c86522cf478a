import type { Command } from 'commander';

/** What a command may touch of the outside world; injected so handlers are testable without a process. */
export interface CliContext {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** Sets the process exit code (0 yes, 1 no/breaking, 2 unknown, 3 error). */
  readonly exit: (code: number) => void;
}

/** Adds one command (or command group) to the program. */
export type RegisterCommand = (program: Command, context: CliContext) => void;
