import type { FastifyRequest } from 'fastify';
import type { Scope } from '../../store/tokens/token-store.ts';

/** Who is calling, as the auth hook found out from the bearer token. */
export interface Principal {
  /** Written to the audit log as the actor. */
  readonly actor: string;
  readonly scope: Scope;
  /** Services the token is bound to; undefined means every service. */
  readonly services?: readonly string[];
}

/** What a route needs. Routes without it need `read`; `public` routes need nothing. */
export interface RouteAccess {
  readonly scope?: Scope;
  /** The service the request acts on, checked against the token's bound services. */
  readonly service?: (request: FastifyRequest) => string | undefined;
  readonly public?: boolean;
}

const RANK: Readonly<Record<Scope, number>> = { read: 0, publish: 1, deploy: 2, admin: 3 };

/** `read < publish < deploy < admin`: a scope includes every one below it. */
export function scopeCovers(held: Scope, needed: Scope): boolean {
  return RANK[held] >= RANK[needed];
}

declare module 'fastify' {
  interface FastifyContextConfig extends RouteAccess {}
  interface FastifyRequest {
    principal?: Principal;
  }
}
