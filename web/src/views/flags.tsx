import { useState } from 'react';
import { api } from '../api.ts';
import { EnvironmentSelect, useEnvironmentChoice } from '../components/environment-choice.tsx';
import { ErrorBox } from '../components/error-box.tsx';
import { allows, useSession } from '../session.tsx';
import { useApi } from '../use-api.ts';

interface Strategy {
  name: string;
  parameters?: { rollout?: number; stickiness?: string; groupId?: string };
  constraints?: Array<{ contextName: string; operator: string; values?: string[]; value?: string; inverted?: boolean }>;
}

interface Flag {
  name: string;
  environment: string;
  description?: string;
  definition: {
    enabled: boolean;
    killed?: boolean;
    strategies: Strategy[];
    variants?: Array<{ name: string; weight: number }>;
    conditions?: Array<{ kind: string; service: string; version: string }>;
  };
  revision: number;
  updatedAt: string;
  updatedBy?: string;
  updateReason?: string;
}

interface FlagEvent {
  id: number;
  action: string;
  actor: string;
  reason?: string;
  at: string;
}

/** Flags per environment: state, rollout, constraints, kill switch, and who changed what and why. */
export default function FlagsView({ query }: { query: URLSearchParams }) {
  const session = useSession();
  const choice = useEnvironmentChoice(query);
  const { environment } = choice;
  const flags = useApi<{ flags: Flag[] }>(environment ? `/v1/flags?environment=${encodeURIComponent(environment)}` : undefined);
  const [error, setError] = useState<Error | undefined>();
  const canChange = allows(session, 'deploy');

  async function change(flag: Flag, body: Record<string, unknown>, verb: string) {
    const reason = window.prompt(`Why ${verb} ${flag.name} in ${environment}?`);
    if (!reason) return;
    setError(undefined);
    try {
      await api(`/v1/environments/${encodeURIComponent(environment)}/flags/${encodeURIComponent(flag.name)}/changes`, { method: 'POST', body: { change: body, reason } });
      flags.reload();
    } catch (failure) {
      setError(failure as Error);
    }
  }

  return (
    <section aria-labelledby="flags-title">
      <h2 id="flags-title">Flags</h2>
      <div className="toolbar">
        <EnvironmentSelect choice={choice} />
        {canChange ? null : <span className="muted">Read-only: changing flags needs a token with the deploy scope.</span>}
      </div>
      <ErrorBox error={error ?? flags.error} />
      <table>
        <thead>
          <tr>
            <th scope="col">Flag</th>
            <th scope="col">State</th>
            <th scope="col">Rollout</th>
            <th scope="col">Constraints and conditions</th>
            <th scope="col">Last change</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {(flags.data?.flags ?? []).map((flag) => {
            const rollout = flag.definition.strategies.find((s) => s.name === 'flexibleRollout')?.parameters?.rollout;
            return (
              <tr key={flag.name} data-testid={`flag-${flag.name}`}>
                <th scope="row">
                  {flag.name}
                  {flag.description ? <div className="muted">{flag.description}</div> : null}
                </th>
                <td>
                  {flag.definition.killed ? (
                    <span className="badge no">✕ killed</span>
                  ) : flag.definition.enabled ? (
                    <span className="badge yes">✓ on</span>
                  ) : (
                    <span className="badge unknown">○ off</span>
                  )}
                </td>
                <td>{rollout === undefined ? '100%' : `${rollout}%`}</td>
                <td>
                  <ul>
                    {flag.definition.strategies.flatMap((s) =>
                      (s.constraints ?? []).map((c, i) => (
                        <li key={`${s.name}-${i}`}>
                          {c.contextName} {c.inverted ? 'NOT ' : ''}
                          {c.operator} {(c.values ?? [c.value]).join(', ')}
                        </li>
                      )),
                    )}
                    {(flag.definition.conditions ?? []).map((c, i) => (
                      <li key={`c${i}`}>
                        {c.kind} {c.service}@{c.version}
                      </li>
                    ))}
                  </ul>
                </td>
                <td>
                  <span className="muted">
                    {flag.updatedBy ?? '—'} {flag.updateReason ? `: “${flag.updateReason}”` : ''}
                  </span>
                  <History key={flag.revision} environment={environment} name={flag.name} />
                </td>
                <td>
                  <div className="toolbar">
                    <button type="button" disabled={!canChange} onClick={() => change(flag, { kind: flag.definition.enabled ? 'disable' : 'enable' }, flag.definition.enabled ? 'turn off' : 'turn on')}>
                      {flag.definition.enabled ? 'Turn off' : 'Turn on'}
                    </button>
                    <button
                      type="button"
                      disabled={!canChange}
                      onClick={() => {
                        const percent = Number(window.prompt('Roll out to what percentage (0–100)?', String(rollout ?? 100)));
                        if (Number.isFinite(percent)) void change(flag, { kind: 'rollout', percent }, `roll out to ${percent}%`);
                      }}
                    >
                      Rollout %
                    </button>
                    <button
                      type="button"
                      className="danger"
                      disabled={!canChange}
                      onClick={() => change(flag, { kind: flag.definition.killed ? 'revive' : 'kill' }, flag.definition.killed ? 'revive' : 'kill')}
                    >
                      {flag.definition.killed ? 'Revive' : 'Kill'}
                    </button>
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {flags.data?.flags.length === 0 ? <p className="muted">No flags in {environment}.</p> : null}
    </section>
  );
}

function History({ environment, name }: { environment: string; name: string }) {
  const [open, setOpen] = useState(false);
  const events = useApi<{ events: FlagEvent[] }>(open ? `/v1/environments/${encodeURIComponent(environment)}/flags/${encodeURIComponent(name)}/events?limit=20` : undefined);
  return (
    <details onToggle={(event) => setOpen((event.target as HTMLDetailsElement).open)}>
      <summary>history</summary>
      <ul>
        {(events.data?.events ?? []).map((e) => (
          <li key={e.id}>
            {new Date(e.at).toLocaleString()} · {e.action} by {e.actor}
            {e.reason ? `: “${e.reason}”` : ''}
          </li>
        ))}
      </ul>
    </details>
  );
}
