import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { api, ApiError, storedToken, storeToken } from './api.ts';
import { useRoute, href } from './router.ts';
import { SessionContext, type Session } from './session.tsx';
import { applyTheme, initialTheme, type Theme } from './theme.ts';
import { EnvironmentsView } from './views/environments.tsx';
import { SignIn } from './views/sign-in.tsx';

// Views other than the first are split out so the initial bundle stays small.
const ServiceView = lazy(() => import('./views/service.tsx'));
const GraphView = lazy(() => import('./views/graph.tsx'));
const PlansView = lazy(() => import('./views/plans.tsx'));
const RolloutsView = lazy(() => import('./views/rollouts.tsx'));
const FlagsView = lazy(() => import('./views/flags.tsx'));
const AuditView = lazy(() => import('./views/audit.tsx'));

const NAV: ReadonlyArray<readonly [string, string]> = [
  ['environments', 'Environments'],
  ['graph', 'Graph'],
  ['plans', 'Plans'],
  ['rollouts', 'Rollouts'],
  ['flags', 'Flags'],
  ['audit', 'Audit'],
];

export function App() {
  const route = useRoute();
  const [theme, setTheme] = useState<Theme>(initialTheme);
  const [session, setSession] = useState<Session | undefined>();
  const [signInError, setSignInError] = useState<string | undefined>();

  useEffect(() => applyTheme(theme), [theme]);

  async function resolveSession(): Promise<void> {
    try {
      setSession(await api<Session>('/v1/whoami'));
      setSignInError(undefined);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        storeToken(null);
        setSession({ scope: 'none', services: null });
        if (storedToken() !== null) setSignInError(error.message);
      } else setSignInError((error as Error).message);
    }
  }

  useEffect(() => {
    void resolveSession();
  }, []);

  if (!session) return <p className="muted">Loading…</p>;
  if (session.scope === 'none') {
    return (
      <SignIn
        error={signInError}
        onToken={async (token) => {
          storeToken(token);
          try {
            const who = await api<Session>('/v1/whoami');
            setSession(who);
          } catch (error) {
            storeToken(null);
            setSignInError((error as Error).message);
          }
        }}
      />
    );
  }

  return (
    <SessionContext.Provider value={session}>
      <a className="skip" href="#content">
        Skip to content
      </a>
      <header className="top">
        <h1>Stepwise</h1>
        <nav aria-label="Main">
          <ul>
            {NAV.map(([view, label]) => (
              <li key={view}>
                <a href={href(view)} aria-current={route.view === view || (view === 'environments' && route.view === 'services') ? 'page' : undefined}>
                  {label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <span className="spacer" />
        <span className="muted" aria-label="Signed in scope">
          {session.name ?? 'token'} · {session.scope}
          {session.scope === 'read' ? ' (read-only)' : ''}
        </span>
        <button type="button" onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')} aria-label={`Switch to ${theme === 'dark' ? 'light' : 'dark'} mode`}>
          {theme === 'dark' ? '☀ Light' : '☾ Dark'}
        </button>
        <button
          type="button"
          onClick={() => {
            storeToken(null);
            setSession({ scope: 'none', services: null });
          }}
        >
          Sign out
        </button>
      </header>
      <main id="content" tabIndex={-1}>
        <Suspense fallback={<p className="muted">Loading…</p>}>{viewFor(route.view, route.params, route.query)}</Suspense>
      </main>
    </SessionContext.Provider>
  );
}

function viewFor(view: string, params: readonly string[], query: URLSearchParams): ReactNode {
  switch (view) {
    case 'services':
      return <ServiceView name={params[0] ?? ''} query={query} />;
    case 'graph':
      return <GraphView query={query} />;
    case 'plans':
      return <PlansView id={params[0]} />;
    case 'rollouts':
      return <RolloutsView id={params[0]} />;
    case 'flags':
      return <FlagsView query={query} />;
    case 'audit':
      return <AuditView query={query} />;
    default:
      return <EnvironmentsView query={query} />;
  }
}
