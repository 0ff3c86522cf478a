import type { Reason } from '../../../decide/reason.ts';
import { REASON_CODES, type ReasonCode, type ReasonEffect } from '../../../decide/reason-code.ts';

/** A verdict as the API returns it. */
export interface VerdictResponse {
  readonly verdict: 'yes' | 'no' | 'unknown';
  readonly service: string;
  readonly version: string;
  readonly environment: string;
  readonly at: string;
  /** The decision's reasons, each with the effect of its code. */
  readonly reasons: readonly (Reason & { readonly effect: ReasonEffect })[];
}

const SECTIONS: readonly { effect: ReasonEffect; title: string; mark: string }[] = [
  { effect: 'no', title: 'What breaks', mark: 'x' },
  { effect: 'unknown', title: 'What could not be checked', mark: '?' },
  { effect: 'warning', title: 'Warnings', mark: '!' },
  { effect: 'info', title: 'Notes', mark: '-' },
];

const HEADLINE = {
  yes: 'yes: it can go out now, on its own',
  no: 'no: deploying it now would break something',
  unknown: 'unknown: nothing known breaks, but not everything could be checked',
} as const;

/** The verdict as a person reads it: the answer, then each reason with what to do, by how much it matters. */
export function renderVerdict(result: VerdictResponse): string {
  const lines = [`can-i-deploy ${result.service}@${result.version} to ${result.environment}: ${HEADLINE[result.verdict]}`];
  for (const section of SECTIONS) {
    const reasons = result.reasons.filter((reason) => reason.effect === section.effect);
    if (reasons.length === 0) continue;
    lines.push('', `${section.title}:`);
    for (const reason of reasons) {
      lines.push(`  ${section.mark} ${reason.message}`);
      const facts = [
        reason.code,
        reason.rule && `rule ${reason.rule}`,
        reason.interface,
        reason.location && locationText(reason.location),
      ].filter(Boolean);
      lines.push(`    [${facts.join(', ')}]`);
    }
  }
  const codes = [...new Set(result.reasons.filter((reason) => reason.effect === 'no' || reason.effect === 'unknown').map((reason) => reason.code))];
  if (codes.length > 0) {
    lines.push('', 'How to get to yes:');
    for (const code of codes) lines.push(`  - ${code}: ${REASON_CODES[code].fix}`);
  }
  return lines.join('\n');
}

function locationText(location: NonNullable<VerdictResponse['reasons'][number]['location']>): string {
  const file = location.file ? `${location.file}${location.line !== undefined ? `:${location.line}` : ''}` : '';
  return [file, location.pointer].filter(Boolean).join(' ');
}

/** Exit codes pipelines branch on: 0 yes, 1 no, 2 unknown. */
export function exitCodeOf(verdict: VerdictResponse['verdict']): number {
  return verdict === 'yes' ? 0 : verdict === 'no' ? 1 : 2;
}
