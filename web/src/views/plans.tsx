import { ErrorBox } from '../components/error-box.tsx';
import { VerdictBadge } from '../components/verdict-badge.tsx';
import { href } from '../router.ts';
import { useApi } from '../use-api.ts';

interface PlanStep {
  action: 'deploy' | 'undeploy' | 'enable-flag' | 'disable-flag' | 'build';
  service?: string;
  version?: string;
  from?: string;
  flag?: string;
  environment?: string;
  reversible: boolean;
  irreversibleAfter?: number;
  reason: string;
  verdict?: { verdict: 'yes' | 'no' | 'unknown'; reasons: Array<{ code: string; message: string }> };
}

interface LockstepGroup {
  environment?: string;
  services: string[];
  bindings: Array<{ interface: string; rule: string; location?: { pointer: string; file?: string; line?: number }; between: string[]; message: string }>;
  proposal: PlanStep[];
  /** Why there is no proposal: not searched (and why), or none found. */
  noProposal?: string;
}

interface StoredPlan {
  id: number;
  outcome: 'ready' | 'blocked';
  createdAt: string;
  createdBy: string;
  environments: string[];
  targets: Array<{ service: string; version?: string; remove?: boolean }>;
  progress: Array<{ position: number; status: string; updatedAt: string; message?: string }>;
  plan: { steps: PlanStep[]; lockstep: LockstepGroup[] };
}

const targetText = (target: StoredPlan['targets'][number]) => (target.remove ? `remove ${target.service}` : `${target.service}@${target.version}`);

/** Stored plans: the steps with verdicts and reversibility, the lock-step groups and their way out. */
export default function PlansView({ id }: { id: string | undefined }) {
  return id ? <PlanDetail id={id} /> : <PlanList />;
}

function PlanList() {
  const plans = useApi<{ plans: StoredPlan[] }>('/v1/plans');
  return (
    <section aria-labelledby="plans-title">
      <h2 id="plans-title">Plans</h2>
      <ErrorBox error={plans.error} />
      <ul>
        {(plans.data?.plans ?? []).map((plan) => (
          <li key={plan.id}>
            <a href={href('plans', String(plan.id))}>
              Plan {plan.id}: {plan.targets.map(targetText).join(', ')}
            </a>{' '}
            <span className="muted">
              {plan.environments.join(' → ')} · {plan.outcome === 'blocked' ? 'blocked by lock-step' : `${plan.plan.steps.length} steps`} · by {plan.createdBy}
            </span>
          </li>
        ))}
      </ul>
      {plans.data?.plans.length === 0 ? <p className="muted">No plans yet: `stepwise plan --env E --target S@V …` makes one.</p> : null}
    </section>
  );
}

function PlanDetail({ id }: { id: string }) {
  const plan = useApi<StoredPlan>(`/v1/plans/${encodeURIComponent(id)}`);
  const data = plan.data;
  return (
    <section aria-labelledby="plan-title">
      <h2 id="plan-title">Plan {id}</h2>
      <ErrorBox error={plan.error} />
      {data ? (
        <>
          <p className="muted">
            {data.environments.join(' → ')} · targets {data.targets.map(targetText).join(', ')} · {data.outcome} · by {data.createdBy}
          </p>
          <h3>Steps</h3>
          {data.plan.steps.length === 0 ? <p className="muted">No step can go out on its own yet.</p> : null}
          <Steps steps={data.plan.steps} progress={data.progress} />
          {data.plan.lockstep.map((group, i) => (
            <div className="card" key={i}>
              <h3>
                Lock-step: {group.services.join(' + ')}
                {group.environment ? <span className="muted"> in {group.environment}</span> : null}
              </h3>
              <p>Bound by:</p>
              <ul>
                {group.bindings.map((binding, j) => (
                  <li key={j}>
                    <code>{binding.interface}</code> — {binding.rule} <span className="muted">({binding.between.join(' / ')})</span>
                    {binding.location ? (
                      <span className="muted">
                        {' '}
                        at {binding.location.file ? `${binding.location.file}${binding.location.line ? `:${binding.location.line}` : ''} ` : ''}
                        {binding.location.pointer}
                      </span>
                    ) : null}
                    <div className="muted">{binding.message}</div>
                  </li>
                ))}
              </ul>
              {group.proposal.length > 0 ? (
                <>
                  <p>What would unbind them (expand, then contract):</p>
                  <Steps steps={group.proposal} />
                </>
              ) : (
                <p className="muted">No expand/contract proposal: {group.noProposal ?? 'none found'}.</p>
              )}
            </div>
          ))}
        </>
      ) : null}
    </section>
  );
}

function Steps({ steps, progress = [] }: { steps: PlanStep[]; progress?: StoredPlan['progress'] }) {
  return (
    <ol className="steps">
      {steps.map((step, i) => {
        const progressOfStep = progress.find((p) => p.position === i + 1); // positions count from 1
        const state = progressOfStep?.status;
        return (
          <li key={i}>
            <strong>{step.action}</strong> {step.service ? `${step.service}@${step.version ?? ''}` : ''}
            {step.from ? <span className="muted"> (from {step.from})</span> : null} {step.flag ? `flag ${step.flag}` : ''}
            {step.environment ? <span className="muted"> in {step.environment}</span> : null} {step.verdict ? <VerdictBadge verdict={step.verdict.verdict} /> : null}{' '}
            {step.reversible ? null : <span className="badge unknown">{step.irreversibleAfter === undefined ? 'irreversible' : `irreversible after step ${step.irreversibleAfter}`}</span>}
            {state ? <span className="muted"> · {state}</span> : null}
            <div className="muted">{step.reason}</div>
            {progressOfStep?.message ? (
              <div role="status" className={state === 'failed' ? 'error' : undefined}>
                {progressOfStep.message}
              </div>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
