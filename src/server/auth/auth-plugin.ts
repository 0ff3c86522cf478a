import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { StepwiseError } from '../../model/errors.ts';
import { findTokenBySecret } from '../../store/tokens/token-store.ts';
import { scopeCovers, type Principal } from './scope.ts';
import { TokenCache } from './token-cache.ts';

declare module 'fastify' {
  interface FastifyInstance {
    tokenCache: TokenCache;
  }
}

export interface AuthOptions {
  /** Let requests without a token read (GET) everything. */
  readonly openReads: boolean;
}

const ANONYMOUS: Principal = { actor: 'anonymous', scope: 'read' };

/**
 * Bearer-token auth for every route. The token is resolved before the body is read, so a caller
 * without one learns it at once; the scope and the service binding are checked after validation,
 * when the body (which may name the service) is known.
 */
async function authPlugin(app: FastifyInstance, options: AuthOptions): Promise<void> {
  app.decorate('tokenCache', new TokenCache());
  app.addHook('onRequest', async (request) => {
    if (request.routeOptions.config?.public) return;
    const header = request.headers.authorization;
    if (header === undefined) {
      if (options.openReads && (request.method === 'GET' || request.method === 'HEAD')) {
        request.principal = ANONYMOUS;
        return;
      }
      throw new StepwiseError('UNAUTHENTICATED', 'this request needs a token: send "Authorization: Bearer <token>"');
    }
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new StepwiseError('UNAUTHENTICATED', 'the Authorization header must be "Bearer <token>"');
    const secret = match[1]!;
    const now = Date.now();
    const cached = app.tokenCache.get(secret, now);
    if (cached) {
      request.principal = cached;
      return;
    }
    const token = await findTokenBySecret(app.store.db, secret);
    if (!token) throw new StepwiseError('UNAUTHENTICATED', 'the token is unknown or revoked');
    request.principal = { actor: `${token.name} (${token.id})`, scope: token.scope, ...(token.services ? { services: token.services } : {}) };
    app.tokenCache.set(secret, request.principal, now);
  });

  app.addHook('preHandler', async (request) => {
    const config = request.routeOptions.config;
    if (config?.public) return;
    authorize(request, request.principal ?? ANONYMOUS);
  });
}

function authorize(request: FastifyRequest, principal: Principal): void {
  const config = request.routeOptions.config;
  const needed = config?.scope ?? 'read';
  if (!scopeCovers(principal.scope, needed)) {
    throw new StepwiseError('FORBIDDEN', `this action needs the "${needed}" scope; the token has "${principal.scope}"`);
  }
  if (needed === 'read' || principal.services === undefined) return;
  const service = config?.service?.(request);
  if (service === undefined) {
    throw new StepwiseError('FORBIDDEN', `the token is bound to ${principal.services.join(', ')} and this action is not about one service`);
  }
  if (!principal.services.includes(service)) {
    throw new StepwiseError('FORBIDDEN', `the token is bound to ${principal.services.join(', ')}, not to "${service}"`);
  }
}

export default fp(authPlugin, { name: 'stepwise-auth' });

/** The actor to write in the audit log for this request. */
export function actorOf(request: FastifyRequest): string {
  return request.principal?.actor ?? 'anonymous';
}
