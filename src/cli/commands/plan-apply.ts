import { StepwiseError } from '../../model/errors.ts';
import type { RegisterCommand } from '../command.ts';
import { clientFor, withRemoteOptions, type RemoteFlags } from '../remote-options.ts';

interface PlanProgress {
  readonly id: number;
  readonly plan: { readonly steps: readonly { readonly action: string; readonly service?: string; readonly version?: string; readonly flag?: string; readonly environment?: string }[] };
  readonly progress: readonly { readonly position: number; readonly status: string; readonly updatedAt: string; readonly message?: string }[];
}

/**
 * `stepwise plan apply ID`: executes a stored plan on the server (each deploy a rollout, each flag
 * step a flag change) and follows its progress; exits 0 when every step is done, 1 at the first
 * failed step or at a step waiting for a version to be published (applying again resumes there).
 * Registered after `plan`, as its subcommand.
 */
export const registerPlanApply: RegisterCommand = (program, context) => {
  const plan = program.commands.find((command) => command.name() === 'plan');
  if (!plan) return;
  withRemoteOptions(plan.command('apply <id>').description('execute a stored plan step by step (each deploy a rollout, each flag step a flag change); stops at the first failed step or an unpublished version, and resumes there when run again (exit 0 done, 1 stopped, 3 error)')).action(
    async (id: string, flags: RemoteFlags) => {
      const planId = Number(id.replace(/^#/, ''));
      if (!Number.isInteger(planId) || planId < 1) throw new StepwiseError('BAD_INPUT', `expected a plan id like 3, not "${id}"`);
      const client = clientFor(context, flags);
      await client.post(`/v1/plans/${planId}/apply`, {});
      const seen = new Map<number, string>();
      for (;;) {
        const current = await client.get<PlanProgress>(`/v1/plans/${planId}`);
        for (const step of current.progress) {
          if (seen.get(step.position) === step.status) continue;
          seen.set(step.position, step.status);
          const what = current.plan.steps[step.position - 1];
          const label = what ? `${what.action} ${what.flag ?? what.service ?? ''}${what.version ? `@${what.version}` : ''}${what.environment ? ` in ${what.environment}` : ''}` : '';
          if (step.status === 'pending') continue;
          if (flags.json) context.stdout(`${JSON.stringify({ position: step.position, status: step.status, step: what, ...(step.message ? { message: step.message } : {}) })}\n`);
          else {
            context.stdout(`step ${step.position}: ${step.status.padEnd(7)} ${label}\n`);
            if ((step.status === 'failed' || step.status === 'waiting') && step.message) context.stdout(`  ${step.message}\n`);
          }
        }
        const statuses = current.progress.map((step) => step.status);
        if (statuses.includes('failed') || statuses.includes('waiting')) return context.exit(1);
        if (statuses.every((status) => status === 'done')) return;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    },
  );
};
