import { createContext, useContext } from 'react';

/** Who is signed in, as the server sees the token: drives read-only mode. */
export interface Session {
  readonly scope: 'read' | 'publish' | 'deploy' | 'admin' | 'none';
  readonly services: readonly string[] | null;
  readonly name?: string;
}

const RANK = { none: 0, read: 1, publish: 2, deploy: 3, admin: 4 } as const;

export function allows(session: Session, needed: keyof typeof RANK, service?: string): boolean {
  if (RANK[session.scope] < RANK[needed]) return false;
  if (!service || !session.services || session.services.length === 0) return true;
  return session.services.includes(service);
}

export const SessionContext = createContext<Session>({ scope: 'none', services: null });

export function useSession(): Session {
  return useContext(SessionContext);
}
