import type { InterfaceContracts } from '../model/contract-source.ts';
import type { Finding } from '../model/finding.ts';
import type { CheckOptions, ConsumerExpectation, ContractEngine } from './engine.ts';

/**
 * Checks one provider/consumer link over an interface. Where the provider writes several formats,
 * the consumer must read every one of them, and each format is checked by the kind's engine on its
 * own. A format the consumer does not read is one finding naming the media type.
 */
export function checkLink(
  engine: ContractEngine,
  provider: InterfaceContracts,
  consumer: ConsumerExpectation,
  options?: CheckOptions,
): Finding[] {
  if (!provider.formats) {
    if (!provider.contract) return [];
    const expectation = consumer.formats ? { ...consumer, contract: firstOf(consumer.formats) ?? consumer.contract } : consumer;
    return engine.satisfies(provider.contract, expectation, options);
  }
  const findings: Finding[] = [];
  for (const [mediaType, written] of Object.entries(provider.formats)) {
    const reader = consumer.formats?.[mediaType] ?? (consumer.formats ? undefined : consumer.contract);
    if (!reader) {
      if (!consumer.formats && !consumer.contract) continue; // no expectation: the caller decides how to treat it
      findings.push({
        rule: 'FORMAT_READ_BY_CONSUMER',
        kind: provider.kind,
        severity: 'breaking',
        direction: 'message',
        subject: mediaType,
        message: `the provider writes ${mediaType}, which the consumer does not read (it reads ${Object.keys(consumer.formats ?? {}).join(', ') || 'nothing'})`,
        fingerprint: `FORMAT_READ_BY_CONSUMER:${mediaType}`,
        details: { mediaType, read: Object.keys(consumer.formats ?? {}) },
      });
      continue;
    }
    for (const finding of engine.satisfies(written, { ...consumer, contract: reader, formats: undefined }, options)) {
      findings.push({ ...finding, subject: `${mediaType} ${finding.subject}`, details: { ...finding.details, mediaType } });
    }
  }
  return findings;
}

function firstOf<T>(record: Readonly<Record<string, T>>): T | undefined {
  return Object.values(record)[0];
}
