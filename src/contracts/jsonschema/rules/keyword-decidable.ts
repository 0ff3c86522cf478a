import type { RuleContext } from '../rule-context.ts';

/** Reader keywords the subset check does not reason about; identical on both sides they are fine. */
const UNDECIDED_KEYWORDS = ['contains', 'propertyNames', 'dependentSchemas', 'unevaluatedProperties', 'unevaluatedItems', 'minContains', 'maxContains'];

/**
 * SUBSET_DECIDABLE: the reader uses only keywords the check decides. Anything else is a warning
 * naming the keyword — never a silent pass.
 */
export function keywordDecidable(context: RuleContext): void {
  const schema = context.readerNode.schema as Record<string, unknown>;
  const keywords = [...UNDECIDED_KEYWORDS];
  if (context.readerNode.doc.dialect === 'draft-07') keywords.push('dependencies');
  for (const keyword of keywords) {
    let value = schema[keyword];
    if (value === undefined) continue;
    if (keyword === 'dependencies' && typeof value === 'object' && value !== null) {
      value = Object.fromEntries(Object.entries(value).filter(([, v]) => !Array.isArray(v)));
      if (Object.keys(value as object).length === 0) continue;
    }
    const text = JSON.stringify(value);
    if (context.writer.objects.some((s) => JSON.stringify(s[keyword]) === text)) continue;
    if (!appliesTo(keyword, context)) continue;
    context.report({ rule: 'SUBSET_DECIDABLE', writer: context.branch[0], keyword, details: { keyword }, undecided: true });
  }
  if (typeof schema['$dynamicRef'] === 'string' || typeof schema['$recursiveRef'] === 'string') {
    // read as a static reference by the expansion; note it so a dynamic override is not missed
    if (!context.writer.objects.some((s) => s['$dynamicRef'] === schema['$dynamicRef'] && s['$recursiveRef'] === schema['$recursiveRef'])) {
      context.report({ rule: 'SUBSET_DECIDABLE', writer: context.branch[0], keyword: '$dynamicRef' in schema ? '$dynamicRef' : '$recursiveRef', details: { keyword: '$dynamicRef' }, undecided: true });
    }
  }
}

function appliesTo(keyword: string, context: RuleContext): boolean {
  const arrays = keyword.includes('Contains') || keyword === 'contains' || keyword === 'unevaluatedItems';
  return context.writer.kinds.has(arrays ? 'array' : 'object');
}
