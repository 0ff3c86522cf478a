import type { Token } from '../../store/tokens/token-store.ts';
import type { RegisterCommand } from '../command.ts';
import { renderTable } from '../render-table.ts';
import { clientFor, print, withRemoteOptions, type RemoteFlags } from '../remote-options.ts';

const collect = (value: string, previous: string[] = []) => [...previous, ...value.split(',').filter(Boolean)];

/** `stepwise token create|list|revoke` (admin). */
export const registerToken: RegisterCommand = (program, context) => {
  const token = program.command('token').description('manage API tokens (needs an admin token)');
  withRemoteOptions(
    token
      .command('create')
      .description('create a token; its secret is printed once')
      .requiredOption('--scope <scope>', 'read | publish | deploy | admin (each includes those before it)')
      .option('--service <service>', 'bind the token to a service (repeat for several)', collect)
      .option('--name <name>', 'a name to recognise it by in the audit log'),
  ).action(async (flags: RemoteFlags & { scope: string; service?: string[]; name?: string }) => {
    const created = await clientFor(context, flags).post<{ token: Token; secret: string }>('/v1/tokens', {
      scope: flags.scope,
      ...(flags.service?.length ? { services: flags.service } : {}),
      ...(flags.name ? { name: flags.name } : {}),
    });
    print(context, flags, created, () => {
      const bound = created.token.services ? ` for ${created.token.services.join(', ')}` : '';
      return `created ${created.token.scope} token ${created.token.id}${bound}; the secret is shown only now:\n  ${created.secret}`;
    });
  });
  withRemoteOptions(token.command('list').description('list tokens (never their secrets)')).action(async (flags: RemoteFlags) => {
    const { tokens } = await clientFor(context, flags).get<{ tokens: Token[] }>('/v1/tokens');
    print(context, flags, { tokens }, () =>
      renderTable(
        ['ID', 'NAME', 'SCOPE', 'SERVICES', 'CREATED', 'REVOKED'],
        tokens.map((t) => [t.id, t.name, t.scope, t.services?.join(',') ?? '*', t.createdAt, t.revokedAt ?? '']),
      ),
    );
  });
  withRemoteOptions(token.command('revoke <id>').description('revoke a token')).action(async (id: string, flags: RemoteFlags) => {
    const revoked = await clientFor(context, flags).delete<Token>(`/v1/tokens/${encodeURIComponent(id)}`);
    print(context, flags, revoked, () => `revoked token ${revoked.id} (${revoked.name})`);
  });
};
