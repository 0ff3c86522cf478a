import type { SchemaSet } from './schema-set.ts';
import { InstanceVerifier } from './instance-verifier.ts';
import { expandConjuncts, writerBranches } from './expand-conjuncts.ts';
import { SchemaView } from './schema-view.ts';
import { isSchemaObject, type SchemaNode } from './schema-node.ts';
import { fromView, generateInstance, type GenerateOptions } from './generate-instance.ts';
import type { PathStep, Problem } from './problem.ts';
import type { KeywordRule, RuleContext } from './rule-context.ts';
import { KEYWORD_RULES } from './rules/keyword-rules.ts';
import { checkReaderCombinators } from './reader-combinators.ts';
import { primitiveRejection } from './primitive-accepts.ts';
import { identicalJson } from './json-identity.ts';

/** Steps one check may take before it stops and says it could not decide: it never hangs. */
const STEP_BUDGET = 50_000;

/** Keywords that only annotate; a reader made of these alone accepts everything. */
const ANNOTATIONS = new Set(['$schema', '$id', 'id', '$comment', 'title', 'description', 'default', 'examples', 'example', 'readOnly', 'writeOnly', 'deprecated', '$defs', 'definitions', '$anchor', '$dynamicAnchor', '$vocabulary', 'contentMediaType', 'contentEncoding', 'discriminator', 'nullable', 'xml', 'externalDocs']);

/**
 * The subset check: every instance valid under the writer schema is valid under the reader schema.
 * The writer is split into combinator-free branches and merged per branch; the reader is checked
 * conjunct by conjunct, keyword rule by keyword rule, recursing into properties and items. Pairs
 * already on the stack are assumed to hold (the usual co-inductive reading of recursive schemas).
 */
export class SubsetChecker {
  readonly writerVerifier: InstanceVerifier;
  readonly readerVerifier: InstanceVerifier;
  private readonly inProgress = new Set<string>();
  private readonly proven = new Set<string>();
  private readonly sameText = new Map<string, boolean>();
  private readonly verified = new Map<string, boolean>();
  private steps = 0;
  private exhausted = false;

  constructor(
    readonly writerSet: SchemaSet,
    readonly readerSet: SchemaSet,
    private readonly rules: readonly KeywordRule[] = KEYWORD_RULES,
  ) {
    this.writerVerifier = new InstanceVerifier(writerSet);
    this.readerVerifier = new InstanceVerifier(readerSet);
  }

  run(): Problem[] {
    const sink: Problem[] = [];
    this.check([this.writerSet.root()], this.readerSet.root(), [], sink);
    return sink;
  }

  check(writer: readonly SchemaNode[], reader: SchemaNode, path: readonly PathStep[], sink: Problem[]): void {
    if (++this.steps > STEP_BUDGET) {
      if (!this.exhausted) sink.push({ rule: 'SUBSET_DECIDABLE', reader, path, details: { keyword: 'size', reason: 'the check exceeded its step budget' }, undecided: true });
      this.exhausted = true;
      return;
    }
    if (writer.length === 1 && this.identical(writer[0]!, reader, new Set())) return;
    const readerConjuncts = expandConjuncts(this.readerSet, reader).filter((node) => !acceptsAll(node));
    const writerConjuncts = writer.flatMap((node) => expandConjuncts(this.writerSet, node));
    // keyed by what the schemas say, not how they were reached, so recursion meets itself at once
    const key = `${[...new Set(writerConjuncts.filter((n) => !acceptsAll(n)).map((n) => n.id))].sort().join(',')}|${readerConjuncts.map((n) => n.id).join(',')}`;
    if (this.inProgress.has(key) || this.proven.has(key)) return;
    this.inProgress.add(key);
    const before = sink.length;
    if (readerConjuncts.length > 0) {
      const branches = writerBranches(this.writerSet, writerConjuncts);
      for (const branch of branches) {
        const view = new SchemaView(this.writerSet, branch);
        if (view.impossible) continue;
        for (const conjunct of readerConjuncts) this.checkConjunct(view, branch, conjunct, path, sink);
      }
    }
    this.inProgress.delete(key);
    if (sink.length === before) this.proven.add(key);
  }

  /** One writer branch against one reader conjunct (no `$ref` or `allOf` left in it). */
  checkConjunct(writer: SchemaView, branch: readonly SchemaNode[], readerNode: SchemaNode, path: readonly PathStep[], sink: Problem[]): void {
    const context = this.context(writer, branch, readerNode, path, sink);
    if (readerNode.schema === false) {
      context.report({ rule: 'SCHEMA_NO_NARROW', writer: branch[0], example: context.example(), details: { reason: 'the reader accepts nothing here' } });
      return;
    }
    if (writer.values) {
      this.checkValues(context, writer.values);
      return;
    }
    for (const rule of this.rules) rule(context);
    checkReaderCombinators(this, context, sink);
  }

  /** A writer limited to listed values: each one is tried against the reader with ajv, exactly. */
  private checkValues(context: RuleContext, values: readonly unknown[]): void {
    const local = !hasCombinators(context.readerNode);
    for (const value of values) {
      if (!this.writerAccepts(context, value)) continue;
      // a primitive against a combinator-free reader is decided by the keywords alone; ajv otherwise
      const accepted = local && isPrimitive(value) ? primitiveRejection(context.reader, value) === undefined : this.readerVerifier.accepts(context.readerNode, value);
      if (accepted === true) continue;
      const keyword = typeof value === 'object' && value !== null ? undefined : primitiveRejection(context.reader, value);
      const rule = keyword === 'type' ? 'TYPE_NO_NARROW' : keyword === 'enum' || keyword === undefined ? 'ENUM_VALUE_NO_DELETE' : ruleForKeyword(keyword);
      context.report({
        rule,
        writer: context.branch.find((n) => isSchemaObject(n.schema) && ('enum' in n.schema || 'const' in n.schema)) ?? context.branch[0],
        keyword: keyword === 'enum' ? (context.reader.has('const') ? 'const' : 'enum') : keyword,
        example: { value },
        details: { value },
        undecided: accepted === undefined,
      });
    }
  }

  private writerAccepts(context: RuleContext, value: unknown): boolean {
    // the branch is combinator-free and merged into the view: for primitives the view decides
    if (isPrimitive(value)) return primitiveRejection(context.writer, value) === undefined;
    return context.branch.every((node) => this.writerVerifier.accepts(node, value) !== false);
  }

  context(writer: SchemaView, branch: readonly SchemaNode[], readerNode: SchemaNode, path: readonly PathStep[], sink: Problem[]): RuleContext {
    const readerView = new SchemaView(this.readerSet, [readerNode]);
    return {
      writer,
      branch,
      reader: readerView,
      readerNode,
      path,
      writerSet: this.writerSet,
      readerSet: this.readerSet,
      report: (problem) => sink.push({ ...problem, reader: problem.reader ?? readerNode, path }),
      descend: (key, writerNodes, reader) => this.check(writerNodes, reader, [...path, { key, writer: branch }], sink),
      example: (options?: GenerateOptions) => fromView(writer, options ?? {}, 0),
    };
  }

  /**
   * Same text on both sides, and every `$ref` inside leads to the same text on both sides too
   * (followed transitively; a cycle counts as the same): nothing inside can differ.
   */
  private identical(writer: SchemaNode, reader: SchemaNode, seen: Set<string>): boolean {
    if (typeof writer.schema === 'boolean' || typeof reader.schema === 'boolean') return writer.schema === reader.schema;
    if (writer.doc.dialect !== reader.doc.dialect) return false;
    const key = `${writer.id}|${reader.id}`;
    const known = this.sameText.get(key);
    if (known !== undefined) return known;
    if (seen.has(key)) return true;
    seen.add(key);
    const identity = identicalJson(writer.schema, reader.schema);
    let same = identity !== undefined && !identity.dynamic;
    if (same) {
      for (const reference of identity!.refs) {
        try {
          if (!this.identical(this.writerSet.resolve(writer, reference), this.readerSet.resolve(reader, reference), seen)) {
            same = false;
            break;
          }
        } catch {
          same = false; // a reference that only resolves from a nested base: compare the long way
          break;
        }
      }
    }
    this.sameText.set(key, same);
    return same;
  }

  /** Wraps a local counterexample into a whole document by building each parent around it. */
  rootExample(problem: Problem): { value: unknown } | undefined {
    if (!problem.example) return undefined;
    let value = problem.example.value;
    for (let index = problem.path.length - 1; index >= 0; index--) {
      const step = problem.path[index]!;
      const parent = fromView(new SchemaView(this.writerSet, step.writer), { kind: typeof step.key === 'number' ? 'array' : 'object', set: new Map([[step.key, value]]) }, 0);
      if (!parent) return undefined;
      value = parent.value;
    }
    return { value };
  }

  /** Whether a whole document is written by the writer and rejected by the reader, per ajv. */
  verifies(value: unknown): boolean {
    const key = JSON.stringify(value);
    let verdict = this.verified.get(key);
    if (verdict === undefined) {
      verdict = this.writerVerifier.acceptsRoot(value) === true && this.readerVerifier.acceptsRoot(value) === false;
      this.verified.set(key, verdict);
    }
    return verdict;
  }

  sample(branch: readonly SchemaNode[]): { value: unknown } | undefined {
    return generateInstance(this.writerSet, branch);
  }
}

export function isPrimitive(value: unknown): boolean {
  return value === null || typeof value !== 'object';
}

/** Whether a schema object carries keywords the keyword view does not merge. */
export function hasCombinators(node: SchemaNode): boolean {
  const s = node.schema;
  // `$ref` and `allOf` are separate conjuncts by now, checked on their own
  return isSchemaObject(s) && ['anyOf', 'oneOf', 'not', 'if', '$dynamicRef', '$recursiveRef'].some((k) => s[k] !== undefined);
}

function ruleForKeyword(keyword: string): string {
  if (keyword === 'minimum' || keyword === 'maximum') return 'NUMBER_RANGE_NO_NARROW';
  if (keyword === 'multipleOf') return 'NUMBER_MULTIPLE_NO_NARROW';
  if (keyword === 'length') return 'STRING_LENGTH_NO_NARROW';
  if (keyword === 'pattern') return 'STRING_PATTERN_NO_NARROW';
  if (keyword === 'format') return 'STRING_FORMAT_NO_NARROW';
  return 'SCHEMA_NO_NARROW';
}

function acceptsAll(node: SchemaNode): boolean {
  if (node.schema === true) return true;
  if (!isSchemaObject(node.schema)) return false;
  return Object.keys(node.schema).every((key) => ANNOTATIONS.has(key) || key === '$ref' || key === 'allOf');
}
