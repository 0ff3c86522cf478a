import type { RuleContext } from '../rule-context.ts';
import { generateInstance } from '../generate-instance.ts';
import { samplePattern } from '../pattern-sampler.ts';
import { safeTest } from '../schema-view.ts';
import type { SchemaNode } from '../schema-node.ts';

function writesObjects(context: RuleContext): boolean {
  return context.writer.kinds.has('object') && context.reader.kinds.has('object') && !context.reader.values && !context.writer.values;
}

function forbids(nodes: readonly SchemaNode[]): boolean {
  return nodes.some((node) => node.schema === false);
}

/** PROPERTY_REQUIRED_NO_ADD: every property the reader requires is one the writer always writes. */
export function propertyRequiredNoAdd(context: RuleContext): void {
  if (!writesObjects(context)) return;
  for (const name of context.reader.required) {
    if (context.writer.required.has(name)) continue;
    context.report({
      rule: 'PROPERTY_REQUIRED_NO_ADD',
      writer: context.writer.has('properties') ?? context.branch[0],
      keyword: 'required',
      example: context.example({ kind: 'object', omit: [name] }),
      details: { property: name },
    });
  }
}

/**
 * PROPERTY_NO_DELETE and ADDITIONAL_PROPERTIES_NO_CLOSE: every property the writer may write is
 * one the reader accepts (declared, matched by a pattern, or allowed as additional), with a value
 * the reader accepts — checked for each named property, each pattern, and for any other name.
 */
export function propertiesNoNarrow(context: RuleContext): void {
  if (!writesObjects(context)) return;
  const { writer, reader } = context;
  const names = new Set([...writer.declaredNames(), ...reader.declaredNames(), ...writer.required]);
  const patterns = [...reader.propertyPatterns(), ...writer.propertyPatterns()];
  for (const pattern of new Set(patterns)) {
    const sample = [0, 1, 2].map((v) => samplePattern(pattern, v)).find((s) => s !== undefined && !names.has(s));
    if (sample !== undefined) names.add(sample);
    else if (reader.propertyPatterns().includes(pattern) && !writer.propertyPatterns().includes(pattern) && !closedTo(context, pattern)) {
      context.report({ rule: 'PROPERTY_NO_DELETE', writer: context.branch[0], keyword: 'patternProperties', details: { pattern, property: pattern }, undecided: true });
    }
  }
  const fresh = freshName(names, patterns);
  for (const name of [...names, ...(fresh ? [fresh] : [])]) {
    const writerNodes = writer.propertyNodes(name);
    if (forbids(writerNodes)) continue;
    if (name !== fresh && !writer.declaredNames().has(name) && !writer.required.has(name) && writer.maxProperties === 0) continue;
    for (const readerNode of reader.propertyNodes(name)) {
      if (readerNode.schema === false) {
        const value = generateInstance(context.writerSet, writerNodes);
        const declaredByWriter = writer.declaredNames().has(name) || writer.required.has(name);
        context.report({
          rule: declaredByWriter || name !== fresh ? 'PROPERTY_NO_DELETE' : 'ADDITIONAL_PROPERTIES_NO_CLOSE',
          writer: writerNodes[0] ?? context.writer.has('additionalProperties') ?? context.branch[0],
          reader: readerNode,
          example: value ? context.example({ kind: 'object', set: new Map([[name, value.value]]) }) : undefined,
          details: { property: name === fresh ? '*' : name },
        });
        continue;
      }
      context.descend(name === fresh ? fresh : name, writerNodes, readerNode);
    }
  }
}

/** Whether the writer forbids every name matching `pattern` it does not declare. */
function closedTo(context: RuleContext, pattern: string): boolean {
  return context.writer.objects.some((s) => s['additionalProperties'] === false && !Object.keys((s['patternProperties'] as object) ?? {}).length) && !pattern.includes('(?');
}

function freshName(names: Set<string>, patterns: readonly string[]): string | undefined {
  for (const candidate of ['extraProperty', 'x-extra', 'zz_extra', '~']) {
    if (!names.has(candidate) && !patterns.some((p) => safeTest(p, candidate))) return candidate;
  }
  return undefined;
}

/** PROPERTY_COUNT_NO_NARROW: the reader's minProperties and maxProperties admit every object the writer may write. */
export function propertyCountNoNarrow(context: RuleContext): void {
  if (!writesObjects(context)) return;
  const { writer, reader } = context;
  const writerMin = Math.max(writer.minProperties, writer.required.size);
  if (reader.minProperties > writerMin) {
    context.report({ rule: 'PROPERTY_COUNT_NO_NARROW', writer: context.branch[0], keyword: 'minProperties', example: context.example({ kind: 'object' }), details: { writer: [writerMin, writer.maxProperties], reader: [reader.minProperties, reader.maxProperties] } });
  }
  const closed = writer.objects.some((s) => s['additionalProperties'] === false && !s['patternProperties']);
  const writerMax = Math.min(writer.maxProperties, closed ? writer.declaredNames().size : Infinity);
  if (reader.maxProperties < writerMax) {
    context.report({ rule: 'PROPERTY_COUNT_NO_NARROW', writer: context.branch[0], keyword: 'maxProperties', example: context.example({ kind: 'object', size: reader.maxProperties + 1 }), details: { writer: [writerMin, writerMax], reader: [reader.minProperties, reader.maxProperties] } });
  }
}

/** PROPERTY_DEPENDENCY_NO_ADD: whenever the writer writes a key the reader's dependentRequired names, it writes its dependents too. */
export function propertyDependencyNoAdd(context: RuleContext): void {
  if (!writesObjects(context)) return;
  for (const [key, dependents] of context.reader.dependentRequired) {
    if (forbids(context.writer.propertyNodes(key))) continue;
    for (const dependent of dependents) {
      if (context.writer.required.has(dependent) || context.writer.dependentRequired.get(key)?.has(dependent)) continue;
      const value = generateInstance(context.writerSet, context.writer.propertyNodes(key));
      context.report({
        rule: 'PROPERTY_DEPENDENCY_NO_ADD',
        writer: context.branch[0],
        keyword: context.readerNode.doc.dialect === 'draft-07' ? 'dependencies' : 'dependentRequired',
        example: value ? context.example({ kind: 'object', set: new Map([[key, value.value]]), omit: [dependent] }) : undefined,
        details: { property: key, dependent },
      });
    }
  }
}
