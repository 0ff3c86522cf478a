import type { Finding } from '../model/finding.ts';
import { carriesDataAtRest } from '../model/interface-id.ts';

/**
 * The sentences of a verdict, one function per situation. Each says what breaks, between whom,
 * and what would fix it, in words a person on call can act on. Pure: same facts, same words.
 */
export const MESSAGES = {
  providerMissing: (candidate: string, iface: string) =>
    `${candidate} requires ${iface}, but nothing live in this environment provides it. Deploy a provider of ${iface} first, or make the dependency optional behind a flag that stays off until it is there.`,

  consumerBroken: (candidate: string, consumer: string, iface: string, finding: Finding, rollback: boolean) =>
    `${candidate} would break ${consumer} over ${iface}: ${detail(finding)}. ` +
    (carriesDataAtRest(iface) && !rollback
      ? `First deploy a ${serviceOf(consumer)} version that reads what ${candidate} writes (alongside what it reads now), then ${candidate}.`
      : rollback
      ? `${consumer} already relies on what the newer version serves; roll forward instead, or first deploy a ${serviceOf(consumer)} version that does not rely on it.`
      : `Keep it in ${serviceOf(candidate)} until ${serviceOf(consumer)} no longer relies on it (expand, then contract), or deploy a ${serviceOf(consumer)} version that does not rely on it first.`),

  consumerBrokenConservative: (candidate: string, consumer: string, previous: string, iface: string, finding: Finding) =>
    `${candidate} would break ${consumer} over ${iface}: compared with ${previous}, which ${consumer} runs against now, ${detail(finding)}. ${consumer} declares no expectation, so every breaking change counts; declare what it relies on in its manifest to check it precisely.`,

  interfaceRemoved: (candidate: string, consumer: string, iface: string) =>
    `${candidate} no longer provides ${iface}, which ${consumer} requires, and nothing else live provides it. Keep providing ${iface} until ${serviceOf(consumer)} no longer requires it.`,

  providerBroken: (candidate: string, provider: string, iface: string, finding: Finding) =>
    `${candidate} relies on ${iface} from ${provider}, which does not serve it: ${detail(finding)}. Deploy a ${serviceOf(provider)} version that serves it first, or make ${serviceOf(candidate)} tolerate its absence.`,

  providerBrokenConservative: (candidate: string, older: string, newer: string, iface: string, finding: Finding) =>
    `${candidate} declares no expectation of ${iface} and talks to both ${older} and ${newer}, which differ in a breaking way: ${detail(finding)}. Declare what ${serviceOf(candidate)} reads in its manifest to check it precisely.`,

  windowNewWritesOldReads: (candidate: string, old: string, iface: string, finding: Finding) =>
    `During the rollout, ${old} keeps running beside ${candidate} and cannot read what ${candidate} writes to ${iface}: ${detail(finding)}. The end state alone would pass. Ship an intermediate version that reads both and still writes the old form, then switch the writer.`,

  windowOldWritesNewReads: (candidate: string, old: string, iface: string, finding: Finding) =>
    `During the rollout, ${old} keeps writing to ${iface}, and ${candidate} cannot read it: ${detail(finding)}. Make ${candidate} read the old form too.`,

  dataAtRest: (candidate: string, writer: string, iface: string, finding: Finding, since: string) =>
    `${iface} still holds data ${writer} wrote (live here since ${since}, within retention), and ${candidate} cannot read it: ${detail(finding)}. Make ${serviceOf(candidate)} read that form too, or migrate the stored data first.`,

  rollbackUnsafe: (candidate: string, writer: string, iface: string, finding: Finding, since: string) =>
    `Rolling back to ${candidate} is no longer safe: ${writer} has written newer data to ${iface} (live here since ${since}) that ${candidate} cannot read: ${detail(finding)}. Roll forward with a fix instead, or deploy a version that reads the newer data.`,

  contractsUnknown: (candidate: string, other: string, why: string) =>
    other === candidate
      ? `${candidate} ${why}, so nothing about it can be checked. Publish it with its contracts (stepwise publish).`
      : `${other} is live here but ${why}, so whether ${candidate} works with it is unknown. Publish ${other} with its contracts, or ignore it with --ignore ${other} --reason … --until ….`,

  writerUnknown: (candidate: string, writer: string, iface: string, why: string) =>
    `${writer} may have written data to ${iface} that is still there, but ${why}, so whether ${candidate} reads it is unknown. Publish ${writer} with its contracts, or ignore it with a reason and an expiry.`,

  checkUnavailable: (candidate: string, other: string, iface: string, why: string) =>
    `The link between ${candidate} and ${other} over ${iface} could not be checked: ${why}.`,

  unversionedConsumer: (consumer: string, iface: string, provider: string) =>
    `${consumer} declares no expectation of ${iface} from ${provider}: it relies on an unversioned contract and is checked conservatively (any breaking change breaks it). Declare what it relies on in its manifest.`,

  optionalFlagOff: (candidate: string, iface: string, flag: string) =>
    `${candidate} uses ${iface} only behind flag ${flag}, which is off here: not checked now. It will be when the flag is turned on; check again before that.`,

  optionalAbsent: (candidate: string, iface: string) =>
    `${candidate} can run without ${iface}, and nothing live provides it: not checked.`,

  ignored: (candidate: string, counterpart: string, reason: string, until: string) =>
    `${counterpart} was left out of the decision for ${candidate} until ${until}: "${reason}". Whatever breaks between them is not checked.`,

  ignoreExpired: (label: string, until: string) =>
    `The ignore of ${label} expired at ${until}, so it was checked as usual. Give a new --until to keep ignoring it.`,
};

/** The engine's sentence, with the element it is about unless the sentence names it already. */
function detail(finding: Finding): string {
  return finding.message.includes(finding.subject) ? finding.message : `${finding.message} (${finding.subject})`;
}

function serviceOf(label: string): string {
  const at = label.lastIndexOf('@');
  return at > 0 ? label.slice(0, at) : label;
}
