import type { ContractKind } from '../model/contract-kind.ts';
import type { Direction, Severity } from '../model/finding.ts';

/**
 * A catalog record. The id reads as the invariant it protects (`RESPONSE_PROPERTY_NO_DELETE`);
 * the purpose is one sentence starting "Checks that". Ids are never deleted: a retired rule is
 * marked `deprecated` with its `replacedBy`, so old configuration keeps working.
 */
export interface RuleDefinition {
  readonly id: string;
  readonly kind: ContractKind;
  /** Categories this rule belongs to; the catalog, not the rule function, decides this. */
  readonly categories: readonly string[];
  readonly severity: Severity;
  readonly direction: Direction;
  readonly purpose: string;
  /** Whether the rule runs when configuration names no rules or categories. */
  readonly byDefault: boolean;
  readonly deprecated?: { readonly replacedBy: string };
  /** Message template rendered from a finding's details (`{name}` placeholders); one fixed sentence per rule. */
  readonly message?: string;
}
