import { StepwiseError } from '../../../model/errors.ts';
import type { Plan } from '../../../plan/plan.ts';
import { renderPlanMarkdown } from '../../../plan/render-plan-markdown.ts';
import { renderPlanMermaid } from '../../../plan/render-plan-mermaid.ts';
import { renderPlanText } from '../../../plan/render-plan-text.ts';

export const PLAN_FORMATS = ['text', 'json', 'markdown', 'mermaid'] as const;
export type PlanFormat = (typeof PLAN_FORMATS)[number];

export function planFormat(text: string): PlanFormat {
  if ((PLAN_FORMATS as readonly string[]).includes(text)) return text as PlanFormat;
  throw new StepwiseError('BAD_INPUT', `--format must be one of ${PLAN_FORMATS.join(', ')}, not "${text}"`);
}

/** The plan in the requested format; JSON carries `steps` and `lockstep` as documented, plus the plan id when stored. */
export function renderPlan(plan: Plan, format: PlanFormat, extra: Record<string, unknown> = {}): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify({ ...extra, ...plan }, null, 2)}\n`;
    case 'markdown':
      return renderPlanMarkdown(plan);
    case 'mermaid':
      return renderPlanMermaid(plan);
    default:
      return `${extra.id ? `plan ${String(extra.id)}\n` : ''}${renderPlanText(plan)}`;
  }
}

/** 0 when a plan exists, 1 when lock-step blocks it (bad input ends earlier, with 3). */
export function planExitCode(plan: Plan): number {
  return plan.lockstep.length > 0 ? 1 : 0;
}
