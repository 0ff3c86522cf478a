import type { SchemaNode } from './schema-node.ts';

/** One step from a parent instance to a child: a property name or an array index, and the writer schemas of the parent. */
export interface PathStep {
  readonly key: string | number;
  readonly writer: readonly SchemaNode[];
}

/**
 * A raw result of one rule before it becomes a finding: where in both schemas, where in the
 * instance, and a local counterexample that the checker wraps into a whole document and verifies.
 */
export interface Problem {
  readonly rule: string;
  readonly writer?: SchemaNode;
  readonly reader: SchemaNode;
  /** The reader keyword that rejects, appended to the reader's pointer. */
  readonly keyword?: string;
  readonly path: readonly PathStep[];
  readonly example?: { readonly value: unknown };
  readonly details: Readonly<Record<string, unknown>>;
  /** The rule could not decide; reported as a warning unless a verified counterexample exists. */
  readonly undecided?: boolean;
}

export function instancePath(path: readonly PathStep[]): string {
  return path.map((step) => `/${String(step.key).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}
