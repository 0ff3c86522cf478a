import { join } from 'node:path';
import { PairChecker } from '../../../src/decide/pair-checker.ts';
import { decide } from '../../../src/decide/decide.ts';
import type { ContractEngine } from '../../../src/contracts/engine.ts';
import type { ContractKind } from '../../../src/model/contract-kind.ts';
import { loadOfflineInputs } from '../../../src/cli/commands/plan/load-offline-inputs.ts';
import { planChanges, type PlanResult } from '../../../src/plan/plan-changes.ts';
import type { PlanTarget } from '../../../src/plan/plan.ts';
import type { PlanDecide } from '../../../src/plan/plan-decide.ts';
import { recordEngine } from './record-engine.ts';

export const FIXTURES = new URL('../fixtures/', import.meta.url).pathname;

export function parseTarget(text: string): PlanTarget {
  const at = text.lastIndexOf('@');
  const service = text.slice(0, at);
  const version = text.slice(at + 1);
  return version === '-' ? { service, remove: true } : { service, version };
}

/** can-i-deploy with a fresh pair checker over the given engines (the test engine by default). */
export function decider(engines: Partial<Record<ContractKind, ContractEngine>> = { jsonschema: recordEngine }): PlanDecide & { checker: PairChecker } {
  const checker = new PairChecker({ engines });
  return Object.assign((input: Parameters<PlanDecide>[0]) => decide({ ...input, checker }), { checker });
}

/** Plans from service directories under `fixtures/<scenario>/`, as `stepwise plan --offline` does. */
export async function planFixture(scenario: string, dirs: readonly string[], targets: readonly string[], options: { environments?: string[]; decide?: PlanDecide & { checker?: PairChecker }; fast?: boolean } = {}): Promise<PlanResult> {
  const root = join(FIXTURES, scenario);
  const parsed = targets.map(parseTarget);
  const inputs = await loadOfflineInputs({
    paths: dirs,
    targets: parsed,
    environments: options.environments ?? ['production'],
    stateFile: 'state.yaml',
    cwd: root,
    now: '2026-06-01T00:00:00.000Z',
  });
  const judge = options.decide ?? decider();
  return planChanges({ environments: inputs.snapshots, versions: inputs.versions, targets: parsed, decide: judge, ...(options.fast !== false && judge.checker ? { checker: judge.checker } : {}) });
}

/** `deploy reader@1.1`, `enable-flag x`, `build reader@1.1` — one line per step. */
export function stepLabels(steps: readonly { action: string; service?: string; version?: string; flag?: string }[]): string[] {
  return steps.map((step) => (step.flag ? `${step.action} ${step.flag}` : `${step.action} ${step.service}@${step.version ?? '-'}`));
}
