import type { StatusMatrix } from '../../store/read-models/status-matrix.ts';
import type { RegisterCommand } from '../command.ts';
import { renderTable } from '../render-table.ts';
import { clientFor, print, withRemoteOptions, type RemoteFlags } from '../remote-options.ts';
import { describeLive } from './deployment-command.ts';

/** `stepwise status`: services x environments with the versions live in each. */
export const registerStatus: RegisterCommand = (program, context) => {
  withRemoteOptions(program.command('status').description('what runs where: services x environments').option('--env <environment>', 'only this environment')).action(
    async (flags: RemoteFlags & { env?: string }) => {
      const query = flags.env ? `?env=${encodeURIComponent(flags.env)}` : '';
      const matrix = await clientFor(context, flags).get<StatusMatrix>(`/v1/status${query}`);
      print(context, flags, matrix, () => renderStatus(matrix));
    },
  );
};

export function renderStatus(matrix: StatusMatrix): string {
  if (matrix.services.length === 0) return 'no services yet: stepwise publish --version <version>';
  const rows = matrix.services.map((entry) => [
    entry.service,
    ...matrix.environments.map((environment) => (entry.live[environment] ?? []).map(describeLive).join(', ') || '-'),
  ]);
  return renderTable(['SERVICE', ...matrix.environments.map((name) => name.toUpperCase())], rows);
}
