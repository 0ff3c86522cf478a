import type { InterfaceContracts } from '../model/contract-source.ts';
import type { Finding } from '../model/finding.ts';
import type { CheckOptions, ContractEngine } from '../contracts/engine.ts';
import { DECISION_RULES } from './decision-rules.ts';

/**
 * Compares two versions of what a provider offers over one interface, format by format. Used for
 * consumers that declared no expectation: for them, a format appearing or disappearing is as
 * breaking as a changed schema, since nothing says which formats they read.
 */
export function compareInterfaceContracts(
  engine: ContractEngine,
  before: InterfaceContracts,
  after: InterfaceContracts,
  options?: CheckOptions,
): Finding[] {
  const beforeFormats = formatsOf(before);
  const afterFormats = formatsOf(after);
  const findings: Finding[] = [];
  const added = Object.keys(afterFormats).filter((mediaType) => !(mediaType in beforeFormats));
  const removed = Object.keys(beforeFormats).filter((mediaType) => !(mediaType in afterFormats));
  if (added.length > 0 || removed.length > 0) {
    findings.push({
      rule: DECISION_RULES.FORMAT_SET_UNCHANGED,
      kind: after.kind,
      severity: 'breaking',
      direction: 'message',
      subject: [...added, ...removed].join(', '),
      message: [
        added.length > 0 ? `now writes ${added.join(', ')}` : '',
        removed.length > 0 ? `no longer writes ${removed.join(', ')}` : '',
      ]
        .filter(Boolean)
        .join(' and '),
      fingerprint: `${DECISION_RULES.FORMAT_SET_UNCHANGED}:${[...added, ...removed].sort().join(',')}`,
      details: { added, removed },
    });
  }
  for (const [mediaType, previous] of Object.entries(beforeFormats)) {
    const current = afterFormats[mediaType];
    if (!current) continue;
    for (const finding of engine.compare(previous, current, options)) {
      findings.push(mediaType === '' ? finding : { ...finding, subject: `${mediaType} ${finding.subject}` });
    }
  }
  return findings;
}

/** A single contract is the format with no media type (''), so both shapes compare alike. */
function formatsOf(contracts: InterfaceContracts): Record<string, NonNullable<InterfaceContracts['contract']>> {
  if (contracts.formats) return { ...contracts.formats };
  return contracts.contract ? { '': contracts.contract } : {};
}
