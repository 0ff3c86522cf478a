import type { DecisionInput } from '../decide/decision-input.ts';
import type { Verdict } from '../decide/verdict.ts';

/**
 * The planner's only way to judge a step: can-i-deploy over a (hypothetical) snapshot. The pair
 * checker is bound by the caller, so the planner shares one warm memo across all its questions.
 */
export type PlanDecide = (input: Omit<DecisionInput, 'checker'>) => Verdict;
