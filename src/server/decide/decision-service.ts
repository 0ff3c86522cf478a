import type { Kysely } from 'kysely';
import { decide } from '../../decide/decide.ts';
import type { Candidate } from '../../decide/decision-input.ts';
import type { Ignore } from '../../decide/ignore.ts';
import { PairChecker } from '../../decide/pair-checker.ts';
import { effectOf, type ReasonEffect } from '../../decide/reason-code.ts';
import type { Reason } from '../../decide/reason.ts';
import type { Verdict } from '../../decide/verdict.ts';
import { StepwiseError } from '../../model/errors.ts';
import { recordAudit } from '../../store/audit/record-audit.ts';
import type { Database } from '../../store/database.ts';
import { DecisionFactsLoader } from '../../store/decide/load-decision-facts.ts';
import { StorePairMemo } from '../../store/decide/store-pair-memo.ts';

export interface DecisionRequest {
  readonly environment: string;
  readonly candidate: Candidate;
  readonly ignores?: readonly Ignore[];
  readonly actor: string;
}

/** The verdict as the API returns it: each reason also says what it does to the verdict. */
export interface DecisionResult {
  verdict: Verdict['verdict'];
  service: string;
  version: string;
  environment: string;
  at: string;
  reasons: (Reason & { effect: ReasonEffect })[];
}

/**
 * The shell around `decide()` for one server: it loads the facts, runs the pure core with a pair
 * checker that lives as long as the server (so a pair is computed once), audits ignores, and
 * writes new pair results back to the store.
 */
export class DecisionService {
  readonly memo = new StorePairMemo();
  readonly checker = new PairChecker({ memo: this.memo });
  readonly loader = new DecisionFactsLoader();

  /** Decides in `db`, which may be a transaction holding the environment lock. */
  async decideIn(db: Kysely<Database>, request: DecisionRequest, at: Date): Promise<DecisionResult> {
    const ignores = normaliseIgnores(request.ignores ?? []);
    const facts = await this.loader.load(db, request.environment, request.candidate, at);
    const candidate = facts.versions.get(`${request.candidate.service}@${request.candidate.version}`);
    if (candidate) await this.memo.preload(db, this.checker.hashesOf(candidate));
    const verdict = decide({ ...facts, candidate: request.candidate, ignores, checker: this.checker });
    if (ignores.length > 0) {
      await recordAudit(db, {
        actor: request.actor,
        action: 'decision.ignore',
        subject: `environment:${request.environment}`,
        at: at.toISOString(),
        data: {
          candidate: `${request.candidate.service}@${request.candidate.version}`,
          verdict: verdict.verdict,
          ignores,
          applied: verdict.reasons.filter((reason) => reason.code === 'IGNORED').map((reason) => reason.counterpart),
        },
      });
    }
    return {
      verdict: verdict.verdict,
      service: request.candidate.service,
      version: request.candidate.version,
      environment: request.environment,
      at: facts.snapshot.at,
      reasons: verdict.reasons.map((reason) => ({ ...reason, effect: effectOf(reason.code) })),
    };
  }

  /** Writes pair results computed since the last call; failures only cost a recomputation later. */
  async flush(db: Kysely<Database>): Promise<void> {
    try {
      await this.memo.flush(db);
    } catch {
      // The memo is an optimisation: a failed write leaves the verdict as it was.
    }
  }
}

/** Ignores need a reason and a readable expiry; dates without a time mean the start of that day (UTC). */
function normaliseIgnores(ignores: readonly Ignore[]): Ignore[] {
  return ignores.map((ignore, index) => {
    const until = Date.parse(ignore.until);
    if (Number.isNaN(until)) {
      throw new StepwiseError('BAD_INPUT', `ignore of ${ignore.service}: "${ignore.until}" is not a date (use e.g. 2026-07-01 or 2026-07-01T12:00:00Z)`, {
        pointer: `/ignores/${index}/until`,
      });
    }
    if (ignore.reason.trim() === '') throw new StepwiseError('BAD_INPUT', `ignore of ${ignore.service} needs a reason`, { pointer: `/ignores/${index}/reason` });
    return { ...ignore, reason: ignore.reason.trim(), until: new Date(until).toISOString() };
  });
}
