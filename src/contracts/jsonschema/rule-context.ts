import type { SchemaSet } from './schema-set.ts';
import type { SchemaView } from './schema-view.ts';
import type { SchemaNode } from './schema-node.ts';
import type { PathStep, Problem } from './problem.ts';

/**
 * What a keyword rule sees: one writer branch (combinator-free, merged into a view) and one reader
 * conjunct, where they sit in the instance, a way to report, and a way to recurse into children.
 */
export interface RuleContext {
  readonly writer: SchemaView;
  readonly branch: readonly SchemaNode[];
  readonly reader: SchemaView;
  readonly readerNode: SchemaNode;
  readonly path: readonly PathStep[];
  readonly writerSet: SchemaSet;
  readonly readerSet: SchemaSet;
  report(problem: Omit<Problem, 'path' | 'reader'> & { reader?: SchemaNode }): void;
  /** Checks that every instance of `writer` (a conjunction) is valid under `reader` at `key` below this one. */
  descend(key: string | number, writer: readonly SchemaNode[], reader: SchemaNode): void;
  /** Example of the writer branch with the given shaping, or undefined. */
  example(options?: import('./generate-instance.ts').GenerateOptions): { value: unknown } | undefined;
}

export type KeywordRule = (context: RuleContext) => void;
