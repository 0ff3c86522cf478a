import type { Plan, PlanStep } from './plan.ts';

/** One line per step, as a person reads a runbook; lock-step groups after, with what binds them. */
export function renderPlanText(plan: Plan): string {
  const lines: string[] = [];
  let environment: string | undefined;
  plan.steps.forEach((step, i) => {
    if (step.environment !== environment && plan.environments.length > 1) {
      environment = step.environment;
      lines.push(`${environment}:`);
    }
    lines.push(`${String(i + 1).padStart(3)}. ${stepTitle(step)}${step.reversible ? '' : `  [irreversible${step.irreversibleAfter ? ` after step ${step.irreversibleAfter}` : ''}]`}`);
    lines.push(`     ${step.reason}`);
  });
  if (plan.steps.length === 0) lines.push('No step can go out on its own yet.');
  for (const group of plan.lockstep) {
    lines.push('', `Lock-step${group.environment && plan.environments.length > 1 ? ` in ${group.environment}` : ''}: ${group.services.join(', ')}`);
    for (const binding of group.bindings) {
      lines.push(`  - ${binding.interface} ${binding.rule}${binding.location ? ` at ${binding.location.file ? `${binding.location.file}#` : ''}${binding.location.pointer}` : ''} (${binding.between.join(' / ')})`);
      lines.push(`    ${binding.message}`);
    }
    if (group.proposal.length > 0) {
      lines.push('  To break it:');
      group.proposal.forEach((step, i) => lines.push(`    ${i + 1}. ${stepTitle(step)} — ${step.reason}`));
    } else lines.push(`  No expand/contract proposal: ${group.noProposal ?? 'none found'}.`);
  }
  return `${lines.join('\n')}\n`;
}

export function stepTitle(step: PlanStep): string {
  switch (step.action) {
    case 'enable-flag':
    case 'disable-flag':
      return `${step.action} ${step.flag}`;
    case 'undeploy':
      return `undeploy ${step.service}@${step.from}`;
    case 'build':
      return `build ${step.service}@${step.version} (from ${step.from})`;
    default:
      return `deploy ${step.service}@${step.version}${step.from ? ` (from ${step.from})` : ' (new)'}`;
  }
}
