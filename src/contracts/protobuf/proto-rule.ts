import type { RuleDefinition } from '../rule.ts';
import type { Span } from './proto-model.ts';
import type { ProtoSet } from './proto-set.ts';

/** Where a finding points: a file, and the element's span when the element still exists. */
export interface ProtoPlace {
  readonly file: string;
  readonly span?: Span;
}

export interface ProtoReport {
  /** Full name of the element concerned, e.g. `a.Two.one` or `a.Svc/Get`. */
  readonly subject: string;
  readonly before?: ProtoPlace;
  readonly after?: ProtoPlace;
  readonly message: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

export interface ProtoRuleContext {
  readonly before: ProtoSet;
  readonly after: ProtoSet;
  report(finding: ProtoReport): void;
}

/** A catalog record plus the one function that checks it over a before/after pair of .proto sets. */
export interface ProtoRule {
  readonly definition: RuleDefinition;
  check(context: ProtoRuleContext): void;
}

type Category = 'FILE' | 'PACKAGE' | 'WIRE_JSON' | 'WIRE';

/** Builds a catalog record for a protobuf rule; `byDefault` follows buf: the FILE category is the default. */
export function protoRule(
  id: string,
  categories: readonly Category[],
  purpose: string,
  check: (context: ProtoRuleContext) => void,
  extra: { deprecated?: { replacedBy: string }; direction?: RuleDefinition['direction'] } = {},
): ProtoRule {
  return {
    definition: {
      id, kind: 'protobuf', categories, severity: 'breaking', direction: extra.direction ?? 'message', purpose,
      byDefault: categories.includes('FILE') && !extra.deprecated, ...(extra.deprecated ? { deprecated: extra.deprecated } : {}),
    },
    check,
  };
}
