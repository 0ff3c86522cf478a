import type { RuleContext } from '../rule-context.ts';
import { generateInstance } from '../generate-instance.ts';

function writesArrays(context: RuleContext): boolean {
  return context.writer.kinds.has('array') && context.reader.kinds.has('array') && !context.reader.values && !context.writer.values;
}

/** ARRAY_LENGTH_NO_NARROW: the reader's minItems and maxItems admit every array the writer may write. */
export function arrayLengthNoNarrow(context: RuleContext): void {
  if (!writesArrays(context)) return;
  const { writer, reader } = context;
  if (reader.minItems > writer.minItems) {
    context.report({ rule: 'ARRAY_LENGTH_NO_NARROW', writer: context.branch[0], keyword: 'minItems', example: context.example({ kind: 'array' }), details: { writer: [writer.minItems, writer.maxItems], reader: [reader.minItems, reader.maxItems] } });
  }
  if (reader.maxItems < writer.maxItems) {
    context.report({ rule: 'ARRAY_LENGTH_NO_NARROW', writer: context.branch[0], keyword: 'maxItems', example: context.example({ kind: 'array', size: reader.maxItems + 1 }), details: { writer: [writer.minItems, writer.maxItems], reader: [reader.minItems, reader.maxItems] } });
  }
}

/** ARRAY_UNIQUE_NO_ADD: a reader demanding unique items only meets writers that guarantee them. */
export function arrayUniqueNoAdd(context: RuleContext): void {
  if (!writesArrays(context) || !context.reader.uniqueItems || context.writer.uniqueItems || context.writer.maxItems < 2) return;
  const item = generateInstance(context.writerSet, [...context.writer.itemNodes(0), ...context.writer.itemNodes(1)]);
  const example = item ? context.example({ kind: 'array', set: new Map([[0, item.value], [1, item.value]]) }) : undefined;
  context.report({ rule: 'ARRAY_UNIQUE_NO_ADD', writer: context.branch[0], keyword: 'uniqueItems', example, details: {}, undecided: !example });
}

/**
 * ARRAY_ITEMS_NO_NARROW: each item position the writer may fill is accepted by the reader's schema
 * for that position (tuples via prefixItems or draft-07 `items` arrays, then the rest).
 */
export function arrayItemsNoNarrow(context: RuleContext): void {
  if (!writesArrays(context)) return;
  const { writer, reader } = context;
  const positions = Math.max(writer.prefixLength(), reader.prefixLength());
  for (let index = 0; index <= positions; index++) {
    if (index >= writer.maxItems) return;
    const readerNodes = reader.itemNodes(index);
    if (readerNodes.length === 0) continue;
    const writerNodes = writer.itemNodes(index);
    if (writerNodes.some((node) => node.schema === false)) return; // the writer never fills this position
    for (const readerNode of readerNodes) {
      if (readerNode.schema === false) {
        const item = generateInstance(context.writerSet, writerNodes);
        context.report({
          rule: 'ARRAY_ITEMS_NO_NARROW',
          writer: writerNodes[0] ?? context.branch[0],
          reader: readerNode,
          example: item ? context.example({ kind: 'array', set: new Map([[index, item.value]]) }) : undefined,
          details: { index, closed: true },
        });
        continue;
      }
      context.descend(index, writerNodes, readerNode);
    }
  }
}
