/** can-i-deploy: (environment snapshot, candidate) -> verdict with reasons. */
export { decide } from './decide.ts';
export type { DecisionInput, Candidate } from './decision-input.ts';
export type { Verdict, VerdictValue } from './verdict.ts';
export { verdictOf } from './verdict.ts';
export type { Reason } from './reason.ts';
export { REASON_CODES, effectOf, type ReasonCode, type ReasonEffect } from './reason-code.ts';
export type { Ignore } from './ignore.ts';
export { PairChecker, type PairCheckerOptions, type PairCheckerStats } from './pair-checker.ts';
export type { PairMemo, PairMemoKey } from './pair-memo.ts';
export { pairMemoKeyText } from './pair-memo.ts';
