import type { Plan, PlanStep } from './plan.ts';
import { stepTitle } from './render-plan-text.ts';

/**
 * A Mermaid flowchart: the steps as a chain per environment, lock-step groups as subgraphs whose
 * services point at each other, and each group's proposal as a dashed chain beside it.
 */
export function renderPlanMermaid(plan: Plan): string {
  const out: string[] = ['flowchart TD'];
  for (const environment of plan.environments) {
    const steps = plan.steps.filter((step) => (step.environment ?? environment) === environment);
    const prefix = id(environment);
    out.push(`  subgraph ${prefix}["${environment}"]`);
    steps.forEach((step, i) => {
      out.push(`    ${prefix}_s${i}["${label(step, i + 1)}"]`);
      if (i > 0) out.push(`    ${prefix}_s${i - 1} --> ${prefix}_s${i}`);
    });
    plan.lockstep
      .filter((group) => (group.environment ?? environment) === environment)
      .forEach((group, g) => {
        const groupId = `${prefix}_lock${g}`;
        out.push(`    subgraph ${groupId}["lock-step"]`);
        group.services.forEach((service) => out.push(`      ${groupId}_${id(service)}(["${service}"])`));
        out.push('    end');
        for (const binding of group.bindings) {
          const [from, to] = binding.between.map((x) => x.split('@')[0]!);
          if (from && to && group.services.includes(from) && group.services.includes(to)) {
            out.push(`    ${groupId}_${id(from)} -. "${escape(`${binding.interface} ${binding.rule}`)}" .- ${groupId}_${id(to)}`);
          }
        }
        group.proposal.forEach((step, i) => {
          out.push(`    ${groupId}_p${i}["${label(step, i + 1)}"]`);
          out.push(i === 0 ? `    ${groupId} -.-> ${groupId}_p0` : `    ${groupId}_p${i - 1} -.-> ${groupId}_p${i}`);
        });
      });
    out.push('  end');
  }
  return `${out.join('\n')}\n`;
}

function label(step: PlanStep, n: number): string {
  return escape(`${n}. ${stepTitle(step)}${step.reversible ? '' : ' (irreversible)'}`);
}

function id(text: string): string {
  return text.replace(/[^A-Za-z0-9_]/g, '_');
}

function escape(text: string): string {
  return text.replace(/"/g, '#quot;');
}
