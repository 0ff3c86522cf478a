import { StepwiseError } from '../../../model/errors.ts';
import type { PlanTarget } from '../../../plan/plan.ts';

/** `--target S@V` (or `S@-` to remove) and `--remove S`, in the order given. */
export function parseTargets(targets: readonly string[], removals: readonly string[]): PlanTarget[] {
  const out: PlanTarget[] = targets.map((text, i) => {
    const at = text.lastIndexOf('@');
    if (at <= 0 || at === text.length - 1) throw new StepwiseError('BAD_INPUT', `--target "${text}" must be service@version`, { pointer: `/targets/${i}` });
    const service = text.slice(0, at);
    const version = text.slice(at + 1);
    return version === '-' ? { service, remove: true } : { service, version };
  });
  for (const service of removals) out.push({ service, remove: true });
  if (out.length === 0) throw new StepwiseError('BAD_INPUT', 'name at least one --target service@version (or --remove service)');
  return out;
}
