import type { RuleDefinition } from './rule.ts';

/** Rules about a link as a whole, before any one format's contract is compared. */
export const LINK_RULES: readonly RuleDefinition[] = [
  {
    id: 'FORMAT_READ_BY_CONSUMER',
    kind: 'jsonschema',
    categories: ['LINK', 'FORMAT'],
    severity: 'breaking',
    direction: 'message',
    purpose: 'Checks that a consumer reads every media type its provider may write.',
    byDefault: true,
  },
];
