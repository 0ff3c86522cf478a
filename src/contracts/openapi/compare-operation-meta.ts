import type { FindingSink } from './finding-sink.ts';
import type { OperationEntry } from './operation-index.ts';

const STABILITY = ['draft', 'alpha', 'beta', 'stable'];

/** Operation-level facts: removal (and sunset), stability level, deprecation, operationId. */
export function compareOperationMeta(
  sink: FindingSink,
  key: string,
  b: OperationEntry | undefined,
  a: OperationEntry | undefined,
  now: string | undefined,
  consumer = false,
): void {
  for (const op of [b, a]) {
    if (op?.stability !== undefined && !STABILITY.includes(String(op.stability))) {
      sink.add('OPERATION_STABILITY_LEVEL_VALID', key, { value: op.stability }, op === b ? op.at : undefined, op === a ? op.at : undefined);
    }
  }
  if (!b) return;
  if (!a) {
    const sunsetPassed = b.deprecated && b.sunset !== undefined && now !== undefined && isoDate(b.sunset) <= isoDate(now);
    if (sunsetPassed) sink.add('OPERATION_DELETE_AFTER_SUNSET', key, { sunset: b.sunset }, b.at);
    else {
      const deprecatedNote = !b.deprecated ? ' without deprecation' : b.sunset ? ` before its sunset date ${b.sunset}` : ' while deprecated without a sunset date';
      sink.add('OPERATION_NO_DELETE', key, { deprecatedNote }, b.at);
    }
    return;
  }
  const bLevel = STABILITY.indexOf(String(b.stability ?? 'stable'));
  const aLevel = STABILITY.indexOf(String(a.stability ?? 'stable'));
  if (b.stability !== undefined && bLevel >= 0 && aLevel >= 0 && aLevel < bLevel) {
    sink.add('OPERATION_STABILITY_NO_DECREASE', key, { before: b.stability, after: a.stability ?? 'stable' }, b.at, a.at);
  }
  if (!b.deprecated && a.deprecated) sink.add('OPERATION_DEPRECATION_NOTED', key, { sunsetNote: a.sunset ? `, sunset ${a.sunset}` : ' without a sunset date' }, b.at, a.at);
  if (b.sunset && a.sunset && isoDate(a.sunset) < isoDate(b.sunset)) sink.add('OPERATION_SUNSET_NO_EARLIER', key, { before: b.sunset, after: a.sunset }, b.at, a.at);
  // a consumer's own operationIds name its client's methods, not the provider's
  if (!consumer && b.operationId && a.operationId && b.operationId !== a.operationId) sink.add('OPERATION_ID_NO_CHANGE', key, { before: b.operationId, after: a.operationId }, b.at, a.at);
}

function isoDate(text: string): string {
  return text.slice(0, 10);
}
