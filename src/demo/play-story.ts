import { StepwiseError } from '../model/errors.ts';
import type { Story } from './story.ts';

/** What playing a story needs from the outside, injected so the player is testable. */
export interface StoryPorts {
  /** Runs `stepwise ARGS` against the demo's control plane; output goes wherever `print` goes. */
  readonly runCli: (args: readonly string[]) => Promise<number>;
  /** Sends a request to a service through its gateway. */
  readonly request: (service: string, method: string, path: string, body?: unknown) => Promise<{ status: number; text: string }>;
  readonly print: (text: string) => void;
  /** Resolves when the person is ready to go on (at once with --yes). */
  readonly pause: (prompt: string) => Promise<void>;
}

export interface StoryOutcome {
  /** Each command or request with the exit code or status it gave. */
  readonly results: ReadonlyArray<{ readonly step: string; readonly got: number }>;
}

/**
 * Plays a story step by step: shows each command, runs it, and stops at the first answer that is
 * not the one the story expects, since every later step builds on it.
 */
export async function playStory(story: Story, ports: StoryPorts): Promise<StoryOutcome> {
  const results: Array<{ step: string; got: number }> = [];
  ports.print(`\n== ${story.title}\n`);
  for (const step of story.steps) {
    if ('say' in step) ports.print(`\n${step.say}\n`);
    else if ('pause' in step) await ports.pause(step.pause);
    else if ('run' in step) {
      const shown = `stepwise ${step.run.map(quote).join(' ')}`;
      ports.print(`\n$ ${shown}${step.why ? `   # ${step.why}` : ''}\n`);
      const got = await ports.runCli(step.run);
      results.push({ step: shown, got });
      if (got !== step.expect) {
        throw new StepwiseError('INTERNAL', `the demo expected \`${shown}\` to exit with ${step.expect}, and it exited with ${got}`);
      }
    } else {
      const { service, method, path, body } = step.request;
      const shown = `${method} ${service}${path}${body === undefined ? '' : ` ${JSON.stringify(body)}`}`;
      ports.print(`\n> ${shown}${step.why ? `   # ${step.why}` : ''}\n`);
      const answer = await ports.request(service, method, path, body);
      ports.print(`  ${answer.status} ${answer.text.trim()}\n`);
      results.push({ step: shown, got: answer.status });
      if (answer.status !== step.expectStatus) {
        throw new StepwiseError('INTERNAL', `the demo expected ${shown} to answer ${step.expectStatus}, and it answered ${answer.status}`);
      }
    }
  }
  return { results };
}

function quote(arg: string): string {
  return /^[\w@./:=-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}
