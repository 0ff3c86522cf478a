import type { Plan } from './plan.ts';
import { stepTitle } from './render-plan-text.ts';

/** A Markdown runbook: a table of steps per environment, then each lock-step group. */
export function renderPlanMarkdown(plan: Plan): string {
  const out: string[] = ['# Deployment plan', ''];
  for (const environment of plan.environments) {
    const steps = plan.steps.filter((step) => (step.environment ?? environment) === environment);
    out.push(`## ${environment}`, '');
    if (steps.length === 0) out.push('No step can go out on its own yet.', '');
    else {
      out.push('| # | step | verdict | reversible | why |', '|---|---|---|---|---|');
      steps.forEach((step, i) => {
        const reversible = step.reversible ? 'yes' : `no${step.irreversibleAfter ? ` (after step ${step.irreversibleAfter})` : ''}`;
        out.push(`| ${i + 1} | \`${stepTitle(step)}\` | ${step.verdict?.verdict ?? ''} | ${reversible} | ${cell(step.reason)} |`);
      });
      out.push('');
    }
    for (const group of plan.lockstep.filter((g) => (g.environment ?? environment) === environment)) {
      out.push(`### Lock-step: ${group.services.join(', ')}`, '', '| interface | rule | location | between |', '|---|---|---|---|');
      for (const binding of group.bindings) {
        const location = binding.location ? `${binding.location.file ?? ''}${binding.location.pointer ? `#${binding.location.pointer}` : ''}` : '';
        out.push(`| \`${binding.interface}\` | \`${binding.rule}\` | ${cell(location)} | ${binding.between.join(' / ')} |`);
      }
      out.push('');
      if (group.proposal.length > 0) {
        out.push('To break it:', '');
        group.proposal.forEach((step, i) => out.push(`${i + 1}. \`${stepTitle(step)}\` — ${step.reason}`));
        out.push('');
      } else out.push(`No expand/contract proposal: ${group.noProposal ?? 'none found'}.`, '');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
