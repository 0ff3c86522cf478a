import { StepwiseError } from '../../model/errors.ts';
import type { Environment } from '../../store/registry/environments.ts';
import type { RegisterCommand } from '../command.ts';
import { renderTable } from '../render-table.ts';
import { clientFor, print, withRemoteOptions, type RemoteFlags } from '../remote-options.ts';

/** `stepwise env create|list`: environments in promotion order. */
export const registerEnv: RegisterCommand = (program, context) => {
  const env = program.command('env').description('create and list environments');
  withRemoteOptions(
    env
      .command('create <name>')
      .description('create an environment (placed after the last one unless --position says otherwise)')
      .option('--position <n>', 'place in the promotion order')
      .option('--description <text>', 'what it is for'),
  ).action(async (name: string, flags: RemoteFlags & { position?: string; description?: string }) => {
    const position = flags.position === undefined ? undefined : Number(flags.position);
    if (position !== undefined && !Number.isInteger(position)) throw new StepwiseError('BAD_INPUT', `--position must be an integer, not "${flags.position}"`);
    const created = await clientFor(context, flags).post<Environment>('/v1/environments', {
      name,
      ...(position === undefined ? {} : { position }),
      ...(flags.description ? { description: flags.description } : {}),
    });
    print(context, flags, created, () => `created environment ${created.name}`);
  });
  withRemoteOptions(env.command('list').description('list environments in promotion order')).action(async (flags: RemoteFlags) => {
    const { environments } = await clientFor(context, flags).get<{ environments: Environment[] }>('/v1/environments');
    print(context, flags, { environments }, () =>
      environments.length === 0
        ? 'no environments yet: stepwise env create <name>'
        : renderTable(['ENVIRONMENT', 'POSITION', 'DESCRIPTION'], environments.map((e) => [e.name, String(e.position), e.description ?? ''])),
    );
  });
};
