import type { BufConfig } from './buf-config.ts';
import type { ProtoRule } from './proto-rule.ts';
import { PROTO_RULES, REPLACEMENTS } from './rules/index.ts';

const CATEGORIES = new Set(['FILE', 'PACKAGE', 'WIRE_JSON', 'WIRE']);
/** Rules buf added with configuration v2; a v1 buf.yaml neither names nor gets them. */
const V2_ONLY = new Set(['EXTENSION_NO_DELETE', 'FIELD_SAME_DEFAULT', 'PACKAGE_EXTENSION_NO_DELETE']);

/** Rule ids for a list of rule or category ids; retired ids stand for their replacements. Unknown ids (plugins) select nothing. */
function expand(ids: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const id of ids) {
    if (CATEGORIES.has(id)) {
      for (const rule of PROTO_RULES) if (!rule.definition.deprecated && rule.definition.categories.includes(id)) out.add(rule.definition.id);
      continue;
    }
    const rule = PROTO_RULES.find((candidate) => candidate.definition.id === id);
    if (!rule) continue;
    if (rule.definition.deprecated) for (const replacement of REPLACEMENTS[id] ?? [rule.definition.deprecated.replacedBy]) out.add(replacement);
    else out.add(id);
  }
  return out;
}

/** buf's selection: `use` (default: the FILE category) minus `except`. */
export function selectRules(config: Pick<BufConfig, 'use' | 'except' | 'disableBuiltin' | 'version'>): ProtoRule[] {
  const use = config.use.length > 0 ? config.use : config.disableBuiltin ? [] : ['FILE'];
  const chosen = expand(use);
  for (const id of expand(config.except)) chosen.delete(id);
  if (config.version !== 'v2') for (const id of V2_ONLY) chosen.delete(id);
  return PROTO_RULES.filter((rule) => chosen.has(rule.definition.id));
}
