import { stableJson } from './normalise-publication.ts';

/**
 * Where two versions of the same content differ, as readable paths
 * (`provides[http:writer].contract`, `run.command`). Interface lists are matched by interface id,
 * so a reordering alone is reported as such rather than as every entry changing.
 */
export function describeDifferences(before: unknown, after: unknown, path = ''): string[] {
  if (stableJson(before) === stableJson(after)) return [];
  if (isInterfaceList(before) && isInterfaceList(after)) {
    const out: string[] = [];
    const byId = (list: readonly { interface: string }[]) => new Map(list.map((entry) => [entry.interface, entry]));
    const old = byId(before);
    const next = byId(after);
    for (const [id, entry] of old) {
      if (!next.has(id)) out.push(`${path}[${id}] removed`);
      else out.push(...describeDifferences(entry, next.get(id), `${path}[${id}]`));
    }
    for (const id of next.keys()) if (!old.has(id)) out.push(`${path}[${id}] added`);
    if (out.length === 0) out.push(`${path} order changed`);
    return out;
  }
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((key) => describeDifferences(before[key], after[key], path === '' ? key : `${path}.${key}`));
  }
  return [`${path || '(root)'}: ${short(before)} -> ${short(after)}`];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isInterfaceList(value: unknown): value is { interface: string }[] {
  return Array.isArray(value) && value.every((entry) => isRecord(entry) && typeof entry.interface === 'string');
}

function short(value: unknown): string {
  if (value === undefined) return '(none)';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
