import { useEffect, useState } from 'react';
import { api, subscribe } from '../api.ts';
import { ConfirmButton } from '../components/confirm-button.tsx';
import { ErrorBox } from '../components/error-box.tsx';
import { LineChart } from '../components/line-chart.tsx';
import { href } from '../router.ts';
import { allows, useSession } from '../session.tsx';
import { useApi } from '../use-api.ts';

interface Window {
  requests: number;
  errors: number;
  p50Ms: number | null;
  p99Ms: number | null;
}

interface Rollout {
  id: number;
  environment: string;
  service: string;
  version: string;
  stableVersion: string | null;
  strategy: string;
  steps: string[];
  phase: string;
  status: {
    stepIndex: number;
    canaryWeight: number;
    message: string;
    pause: { reason: string; since: string } | null;
    abort: { reason: string; message: string } | null;
    lastAnalysis: { outcome: string; reason: string; canary: Window; stable: Window | null } | null;
  };
  updatedAt: string;
  createdBy: string;
  events?: Array<{ id: number; at: string; kind: string; message: string }>;
}

interface Sample {
  at: number;
  weight: number;
  canary: Window | null;
  stable: Window | null;
}

/** Rollouts: the list, or one rollout live over server-sent events with its charts and controls. */
export default function RolloutsView({ id }: { id: string | undefined }) {
  return id ? <RolloutDetail id={id} /> : <RolloutList />;
}

function RolloutList() {
  const rollouts = useApi<{ rollouts: Rollout[] }>('/v1/rollouts');
  return (
    <section aria-labelledby="rollouts-title">
      <h2 id="rollouts-title">Rollouts</h2>
      <ErrorBox error={rollouts.error} />
      <table>
        <thead>
          <tr>
            <th scope="col">Rollout</th>
            <th scope="col">Environment</th>
            <th scope="col">Phase</th>
            <th scope="col">Weight</th>
            <th scope="col">Updated</th>
          </tr>
        </thead>
        <tbody>
          {(rollouts.data?.rollouts ?? []).map((r) => (
            <tr key={r.id}>
              <td>
                <a href={href('rollouts', String(r.id))}>
                  #{r.id} {r.service} {r.stableVersion ?? '∅'} → {r.version}
                </a>
              </td>
              <td>{r.environment}</td>
              <td>{r.phase}</td>
              <td>{r.status.canaryWeight}%</td>
              <td>{new Date(r.updatedAt).toLocaleString()}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rollouts.data?.rollouts.length === 0 ? <p className="muted">No rollouts yet: `stepwise rollout start` begins one.</p> : null}
    </section>
  );
}

function RolloutDetail({ id }: { id: string }) {
  const session = useSession();
  const [rollout, setRollout] = useState<Rollout | undefined>();
  const [transitions, setTransitions] = useState<NonNullable<Rollout['events']>>([]);
  const [samples, setSamples] = useState<Sample[]>([]);
  const [error, setError] = useState<Error | undefined>();

  useEffect(() => {
    setSamples([]);
    setTransitions([]);
    api<Rollout>(`/v1/rollouts/${id}`).then((r) => {
      setRollout(r);
      setTransitions(r.events ?? []);
    }, setError);
    return subscribe(`/v1/rollouts/${id}/events`, (event, data) => {
      if (event === 'rollout') {
        const next = data as Rollout;
        setRollout(next);
        setSamples((list) => [
          ...list,
          { at: Date.parse(next.updatedAt), weight: next.status.canaryWeight, canary: next.status.lastAnalysis?.canary ?? null, stable: next.status.lastAnalysis?.stable ?? null },
        ]);
      } else if (event === 'transition') {
        const transition = data as NonNullable<Rollout['events']>[number];
        setTransitions((list) => (list.some((t) => t.id === transition.id) ? list : [...list, transition]));
      }
    });
  }, [id]);

  async function act(action: 'promote' | 'abort') {
    setError(undefined);
    try {
      setRollout(await api<Rollout>(`/v1/rollouts/${id}/${action}`, { method: 'POST', body: {} }));
    } catch (failure) {
      setError(failure as Error);
    }
  }

  if (!rollout) return <ErrorBox error={error} />;
  const canAct = allows(session, 'deploy', rollout.service) && !['succeeded', 'rolled-back'].includes(rollout.phase);
  const errorRate = (w: Window | null) => (w && w.requests > 0 ? (100 * w.errors) / w.requests : 0);
  return (
    <section aria-labelledby="rollout-title">
      <h2 id="rollout-title">
        Rollout #{rollout.id}: {rollout.service} {rollout.stableVersion ?? '∅'} → {rollout.version} in {rollout.environment}
      </h2>
      <p>
        Phase <strong data-testid="rollout-phase">{rollout.phase}</strong> · canary weight <strong>{rollout.status.canaryWeight}%</strong> · step{' '}
        {Math.min(rollout.status.stepIndex + 1, rollout.steps.length)} of {rollout.steps.length} · <span className="muted">{rollout.status.message}</span>
      </p>
      {rollout.status.pause ? <p className="muted">Paused ({rollout.status.pause.reason}).</p> : null}
      {rollout.status.abort ? <p className="error">Aborted: {rollout.status.abort.message}</p> : null}
      <div className="toolbar">
        <ConfirmButton label="Promote" className="primary" disabled={!canAct} question={`Promote ${rollout.service}@${rollout.version} past its current step?`} onConfirm={() => void act('promote')} />
        <ConfirmButton label="Abort and roll back" className="danger" disabled={!canAct} question={`Roll ${rollout.service} back to ${rollout.stableVersion ?? 'nothing'}?`} onConfirm={() => void act('abort')} />
      </div>
      <ErrorBox error={error} />
      <ol className="steps" aria-label="Steps">
        {rollout.steps.map((step, i) => (
          <li key={i} aria-current={i === rollout.status.stepIndex ? 'step' : undefined} style={{ fontWeight: i === rollout.status.stepIndex ? 700 : 400 }}>
            {step}
          </li>
        ))}
      </ol>
      {rollout.status.lastAnalysis ? (
        <p>
          Analysis: <strong>{rollout.status.lastAnalysis.outcome}</strong> — {rollout.status.lastAnalysis.reason}
        </p>
      ) : null}
      <div className="grid2">
        <LineChart title="Canary weight" unit="%" series={[{ name: rollout.version, colour: 'var(--unknown)', points: samples.map((s) => [s.at, s.weight]) }]} />
        <LineChart
          title="Requests in step"
          unit=""
          series={[
            { name: rollout.version, colour: 'var(--unknown)', dashed: true, points: samples.map((s) => [s.at, s.canary?.requests ?? 0]) },
            { name: rollout.stableVersion ?? 'stable', colour: 'var(--ok)', points: samples.map((s) => [s.at, s.stable?.requests ?? 0]) },
          ]}
        />
        <LineChart
          title="Error rate"
          unit="%"
          series={[
            { name: rollout.version, colour: 'var(--bad)', dashed: true, points: samples.map((s) => [s.at, errorRate(s.canary)]) },
            { name: rollout.stableVersion ?? 'stable', colour: 'var(--ok)', points: samples.map((s) => [s.at, errorRate(s.stable)]) },
          ]}
        />
        <LineChart
          title="p99 latency"
          unit=" ms"
          series={[
            { name: rollout.version, colour: 'var(--unknown)', dashed: true, points: samples.map((s) => [s.at, s.canary?.p99Ms ?? 0]) },
            { name: rollout.stableVersion ?? 'stable', colour: 'var(--ok)', points: samples.map((s) => [s.at, s.stable?.p99Ms ?? 0]) },
          ]}
        />
      </div>
      <h3>Transitions</h3>
      <ol className="timeline">
        {transitions.map((t) => (
          <li key={t.id}>
            <time dateTime={t.at}>{new Date(t.at).toLocaleTimeString()}</time> · <strong>{t.kind}</strong> {t.message}
          </li>
        ))}
      </ol>
    </section>
  );
}
