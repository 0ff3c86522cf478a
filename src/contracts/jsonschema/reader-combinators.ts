import type { SubsetChecker } from './subset-checker.ts';
import type { RuleContext } from './rule-context.ts';
import type { Problem } from './problem.ts';
import { isSchemaObject, type InstanceKind, type SchemaNode } from './schema-node.ts';
import { SchemaView } from './schema-view.ts';
import { expandConjuncts } from './expand-conjuncts.ts';
import { provablyDisjoint } from './disjoint.ts';

/**
 * The reader's `anyOf`, `oneOf`, `not` and `if/then/else` against one writer branch. A branch that
 * fits one alternative passes; otherwise each kind of instance the writer may write is tried on its
 * own, and failing that a counterexample must verify before it is reported — else a warning.
 */
export function checkReaderCombinators(checker: SubsetChecker, context: RuleContext, sink: Problem[]): void {
  const schema = context.readerNode.schema;
  if (!isSchemaObject(schema)) return;
  for (const keyword of ['anyOf', 'oneOf'] as const) {
    const options = schema[keyword];
    if (!Array.isArray(options)) continue;
    const nodes = options.map((_, index) => context.readerSet.child(context.readerNode, keyword, index));
    checkAlternatives(checker, context, keyword, nodes, sink);
  }
  if (schema['not'] !== undefined) checkNot(checker, context, context.readerSet.child(context.readerNode, 'not'), sink);
  if (schema['if'] !== undefined && (schema['then'] !== undefined || schema['else'] !== undefined)) checkConditional(checker, context, schema, sink);
}

function trial(checker: SubsetChecker, branch: readonly SchemaNode[], reader: SchemaNode, context: RuleContext): Problem[] {
  const problems: Problem[] = [];
  checker.check(branch, reader, context.path, problems);
  return problems;
}

function checkAlternatives(checker: SubsetChecker, context: RuleContext, keyword: 'anyOf' | 'oneOf', options: SchemaNode[], sink: Problem[]): void {
  const slices: (readonly SchemaNode[])[] = context.writer.kinds.size > 1 ? [...context.writer.kinds].map((kind) => [...context.branch, kindSlice(context, kind)]) : [context.branch];
  for (const slice of slices) {
    const failures: Problem[][] = [];
    let chosen: number | undefined;
    for (let index = 0; index < options.length; index++) {
      const problems = trial(checker, slice, options[index]!, context);
      if (problems.length === 0) {
        chosen = index;
        break;
      }
      failures.push(problems);
    }
    if (chosen === undefined) {
      reportFailure(checker, context, slice, failures, keyword, sink);
      continue;
    }
    if (keyword === 'oneOf') {
      for (let other = 0; other < options.length; other++) {
        if (other === chosen) continue;
        if (provablyDisjoint(checker.writerSet, slice, checker.readerSet, options[other]!, checker.readerVerifier)) continue;
        const sample = checker.sample(slice);
        const verified = sample && checker.verifies(checker.rootExample({ ...problemAt(context, 'ONE_OF_MATCH_UNIQUE'), example: sample })?.value);
        sink.push({ ...problemAt(context, 'ONE_OF_MATCH_UNIQUE'), keyword: `oneOf/${other}`, ...(verified ? { example: sample } : {}), details: { matches: [chosen, other] }, undecided: !verified });
        break;
      }
    }
  }
}

/**
 * Reports the first failure whose counterexample verifies; otherwise one undecided warning at the
 * combinator. The alternative the writer was meant to match is tried first: the one whose
 * discriminator (enum/const) fits and that fails in the fewest places.
 */
function reportFailure(checker: SubsetChecker, context: RuleContext, slice: readonly SchemaNode[], failures: Problem[][], keyword: string, sink: Problem[]): void {
  const subjects = (problems: Problem[]) => new Set(problems.map((p) => p.path.map((step) => step.key).join('/'))).size;
  const rank = (problems: Problem[]) => (problems.some((p) => p.rule === 'ENUM_VALUE_NO_DELETE') ? 1000 : 0) + subjects(problems);
  const ordered = [...failures].sort((a, b) => rank(a) - rank(b));
  const tried = new Set<string>();
  for (const problems of ordered) {
    const seenSubjects = new Set<string>();
    for (const failure of problems) {
      if (tried.size >= 4) break;
      const subject = failure.path.map((step) => step.key).join('/');
      if (seenSubjects.has(subject)) continue;
      seenSubjects.add(subject);
      const root = checker.rootExample(failure);
      if (!root) continue;
      const key = JSON.stringify(root.value);
      if (tried.has(key)) continue;
      tried.add(key);
      if (checker.verifies(root.value)) {
        sink.push({ ...failure, details: { ...failure.details, combinator: keyword } });
        return;
      }
    }
  }
  const sample = checker.sample(slice);
  const problem = { ...problemAt(context, 'SCHEMA_NO_NARROW'), keyword, ...(sample ? { example: sample } : {}), details: { combinator: keyword } };
  const root = checker.rootExample(problem);
  sink.push(root && checker.verifies(root.value) ? problem : { ...problem, rule: 'SUBSET_DECIDABLE', details: { keyword }, undecided: true });
}

function checkNot(checker: SubsetChecker, context: RuleContext, negated: SchemaNode, sink: Problem[]): void {
  if (provablyDisjoint(checker.writerSet, context.branch, checker.readerSet, negated, checker.readerVerifier)) return;
  const inside = trial(checker, context.branch, negated, context).length === 0;
  const sample = checker.sample(context.branch);
  const problem = { ...problemAt(context, 'NOT_SCHEMA_NO_OVERLAP'), keyword: 'not', ...(sample ? { example: sample } : {}), details: { always: inside } };
  const root = checker.rootExample(problem);
  const verified = !!root && checker.verifies(root.value);
  sink.push(verified ? problem : { ...problem, undecided: true });
}

function checkConditional(checker: SubsetChecker, context: RuleContext, schema: Record<string, unknown>, sink: Problem[]): void {
  const condition = context.readerSet.child(context.readerNode, 'if');
  const then = schema['then'] !== undefined ? context.readerSet.child(context.readerNode, 'then') : undefined;
  const otherwise = schema['else'] !== undefined ? context.readerSet.child(context.readerNode, 'else') : undefined;
  if (trial(checker, context.branch, condition, context).length === 0) {
    if (then) checker.check(context.branch, then, context.path, sink);
    return;
  }
  if (provablyDisjoint(checker.writerSet, context.branch, checker.readerSet, condition, checker.readerVerifier)) {
    if (otherwise) checker.check(context.branch, otherwise, context.path, sink);
    return;
  }
  // Both arms may apply: the `then` arm exactly (writer and condition), the `else` arm widened,
  // so its findings stand only with a verified counterexample.
  if (then) checker.check([...context.branch, ...expandConjuncts(checker.readerSet, condition)], then, context.path, sink);
  if (otherwise) {
    for (const problem of trial(checker, context.branch, otherwise, context)) {
      const root = checker.rootExample(problem);
      sink.push(root && checker.verifies(root.value) ? problem : { ...problem, undecided: true, example: undefined });
    }
  }
}

function problemAt(context: RuleContext, rule: string): Problem {
  return { rule, writer: context.branch[0], reader: context.readerNode, path: context.path, details: {} };
}

/** The writer branch narrowed to one kind of instance, as a synthetic conjunct. */
function kindSlice(context: RuleContext, kind: InstanceKind): SchemaNode {
  const base = context.branch[0] ?? context.readerNode;
  const type = kind === 'fraction' ? 'number' : kind;
  return { id: `${base.id}~kind:${kind}`, schema: { type }, doc: base.doc, pointer: base.pointer, base: base.base };
}

export { SchemaView };
