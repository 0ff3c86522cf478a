import { createInterface } from 'node:readline/promises';
import { StepwiseError } from '../../model/errors.ts';
import type { CliContext, RegisterCommand } from '../command.ts';
import { parsePort } from '../server-options.ts';
import { main } from '../main.ts';

interface DemoFlags {
  readonly story: string;
  readonly yes?: boolean;
  readonly wait: boolean;
  readonly port: string;
  readonly data: string;
}

/**
 * `stepwise demo`: starts the control plane and the local runtime on the embedded defaults, plays
 * a story from the articles step by step, and leaves everything running to explore.
 */
export const registerDemo: RegisterCommand = (program, context) => {
  program
    .command('demo')
    .description('play a story from the examples on a local control plane, then leave it running')
    .option('--story <name>', 'reader-writer, lutz, blog or canary', 'reader-writer')
    .option('--yes', 'do not stop between chapters')
    .option('--no-wait', 'stop everything when the story ends')
    .option('--port <port>', 'API and dashboard port (0 picks a free one)', '4400')
    .option('--data <dir>', 'data directory, emptied at the start', '.stepwise/demo')
    .action(async (flags: DemoFlags) => runDemo(context, flags));
};

async function runDemo(context: CliContext, flags: DemoFlags): Promise<void> {
  // Loaded here: the demo pulls in the server, the runtime and the stories.
  const { STORIES } = await import('../../demo/stories/index.ts');
  const { playStory } = await import('../../demo/play-story.ts');
  const { startDemoRuntime } = await import('../../demo/demo-runtime.ts');
  const story = STORIES.find((candidate) => candidate.name === flags.story);
  if (!story) throw new StepwiseError('BAD_INPUT', `no story "${flags.story}" (known: ${STORIES.map((s) => s.name).join(', ')})`, { pointer: '/story' });
  const port = parsePort(flags.port);

  const runtime = await startDemoRuntime({
    dataDir: flags.data,
    port,
    environment: story.environment,
    scratch: story.scratch ?? [],
    cwd: context.cwd,
    log: (line) => context.stderr(`${line}\n`),
  });
  const stop = () => void runtime.close().then(() => process.exit(130));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const env = { ...context.env, STEPWISE_URL: runtime.url, STEPWISE_TOKEN: runtime.adminToken };
  const indent = (text: string) => text.replace(/^(?=.)/gm, '  ');
  const interactive = !flags.yes && process.stdin.isTTY === true;
  try {
    context.stdout(`Stepwise is running on ${runtime.url} (SQLite in ${flags.data}); playing "${story.title}".\n`);
    await playStory(story, {
      runCli: (args) =>
        main(['node', 'stepwise', ...args], { env, cwd: context.cwd, stdout: (text) => context.stdout(indent(text)), stderr: (text) => context.stdout(indent(text)) }),
      request: async (service, method, path, body) => {
        const gateway = runtime.target.gateway(service);
        if (!gateway) return { status: 0, text: `${service} is not running` };
        const response = await fetch(`http://127.0.0.1:${gateway.port}${path}`, {
          method,
          ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
        });
        return { status: response.status, text: await response.text() };
      },
      print: context.stdout,
      pause: async (prompt) => {
        context.stdout(`\n${prompt}\n`);
        if (!interactive) return;
        const reader = createInterface({ input: process.stdin, output: process.stdout });
        await reader.question('(press Enter to go on) ');
        reader.close();
      },
    });
    context.stdout(
      [
        '',
        'The story is done. Everything is still running:',
        `  dashboard   ${runtime.url}/   (sign in with the token below)`,
        `  API         ${runtime.url}/openapi.json`,
        '',
        'Try, in another terminal:',
        `  export STEPWISE_URL=${runtime.url} STEPWISE_TOKEN=${runtime.adminToken}`,
        // `npx`: after `npm ci` the command is in node_modules/.bin, not on the PATH.
        ...story.next.map((line) => `  npx ${line}`),
        '',
      ].join('\n'),
    );
    if (flags.wait) {
      context.stdout('Press Ctrl-C to stop the demo and its services.\n');
      await new Promise<void>(() => {});
    }
  } finally {
    if (!flags.wait) await runtime.close();
  }
}
