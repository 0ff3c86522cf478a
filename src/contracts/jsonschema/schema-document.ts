import { LineCounter, parseDocument, isMap, isSeq, isScalar, isPair, type Node as YamlNode } from 'yaml';
import { ContractError } from '../contract-error.ts';
import type { SourceLocation } from '../../model/finding.ts';
import { escapePointer, type Dialect } from './schema-node.ts';
import { jsonPosition, type MemberIndex } from './json-positions.ts';

/**
 * One parsed file of a JSON Schema contract. JSON is parsed with `JSON.parse` (fast); positions
 * are computed on demand, only when a finding needs a line number: for JSON by a scan to that one
 * pointer, for YAML by re-reading the text with `yaml`, which keeps them.
 */
export class SchemaDocument {
  private positions?: Map<string, { line: number; column: number }>;
  private readonly found = new Map<string, { line: number; column: number } | undefined>();
  private readonly members: MemberIndex = new Map();

  private constructor(
    readonly file: string,
    readonly text: string,
    readonly json: unknown,
    readonly dialect: Dialect,
    private readonly isJson: boolean,
  ) {}

  static parse(file: string, text: string, fallbackDialect?: Dialect): SchemaDocument {
    const { json, isJson } = parseText(file, text);
    return new SchemaDocument(file, text, json, detectDialect(json, fallbackDialect), isJson);
  }

  location(pointer: string): SourceLocation {
    const position = this.positionOf(pointer);
    return position ? { pointer, file: this.file, line: position.line, column: position.column } : { pointer, file: this.file };
  }

  private positionOf(pointer: string): { line: number; column: number } | undefined {
    if (this.isJson) {
      // JSON: one targeted scan per pointer asked for, instead of indexing every value
      if (!this.found.has(pointer)) this.found.set(pointer, jsonPosition(this.text, pointer, this.members));
      return this.found.get(pointer);
    }
    if (!this.positions) this.positions = indexPositions(this.text);
    let current = pointer;
    // A synthetic pointer (a keyword the document leaves implicit) falls back to its nearest parent.
    for (;;) {
      const found = this.positions.get(current);
      if (found || current === '') return found;
      current = current.slice(0, current.lastIndexOf('/'));
    }
  }
}

function parseText(file: string, text: string): { json: unknown; isJson: boolean } {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[') || /\.json$/i.test(file)) {
    try {
      return { json: JSON.parse(text), isJson: true };
    } catch {
      // fall through: yaml names the line of the syntax error
    }
  }
  const counter = new LineCounter();
  const document = parseDocument(text, { lineCounter: counter, uniqueKeys: true, prettyErrors: false });
  const error = document.errors[0];
  if (error) {
    const position = counter.linePos(error.pos[0]);
    throw new ContractError(`not valid JSON or YAML: ${error.message.split('\n')[0]}`, { pointer: '', file, line: position.line, column: position.col });
  }
  return { json: document.toJS({ maxAliasCount: 100 }), isJson: false };
}

function indexPositions(text: string): Map<string, { line: number; column: number }> {
  const counter = new LineCounter();
  const document = parseDocument(text, { lineCounter: counter, keepSourceTokens: false });
  const positions = new Map<string, { line: number; column: number }>();
  const visit = (node: YamlNode | null | undefined, pointer: string, keyOffset?: number): void => {
    if (!node) return;
    const offset = keyOffset ?? node.range?.[0];
    if (offset !== undefined) {
      const position = counter.linePos(offset);
      positions.set(pointer, { line: position.line, column: position.col });
    }
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        const keyStart = isScalar(pair.key) ? pair.key.range?.[0] : undefined;
        visit(pair.value as YamlNode, `${pointer}/${escapePointer(key)}`, keyStart);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => visit(item as YamlNode, `${pointer}/${index}`));
    }
  };
  visit(document.contents as YamlNode, '');
  return positions;
}

/** `$schema` names the dialect; without it, 2020-12 keywords suggest 2020-12 and draft-07 is assumed otherwise. */
export function detectDialect(json: unknown, fallback?: Dialect): Dialect {
  const declared = typeof json === 'object' && json !== null ? (json as Record<string, unknown>)['$schema'] : undefined;
  if (typeof declared === 'string') {
    if (declared.includes('2020-12')) return '2020-12';
    if (declared.includes('2019-09')) return '2019-09';
    if (/draft-0[3-7]/.test(declared)) return 'draft-07';
  }
  if (fallback) return fallback;
  const text = JSON.stringify(json) ?? '';
  return /"(prefixItems|\$defs|dependentRequired|dependentSchemas|\$dynamicRef|unevaluatedProperties)"/.test(text) ? '2020-12' : 'draft-07';
}
