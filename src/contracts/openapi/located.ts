/** A node of a contract document together with where it sits: the file and the JSON pointer. */
export interface Located {
  readonly file: string;
  readonly pointer: string;
  readonly node: unknown;
}

export type JsonObject = Readonly<Record<string, unknown>>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function escapePointer(segment: string): string {
  // most keys need no escaping; skipping the two replaces matters when every property is located
  if (!segment.includes('~') && !segment.includes('/')) return segment;
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** The child of a located object or array by key; undefined when absent. */
export function childOf(parent: Located, key: string | number): Located | undefined {
  const node = parent.node;
  let value: unknown;
  if (Array.isArray(node) && typeof key === 'number') value = node[key];
  else if (isObject(node) && Object.prototype.hasOwnProperty.call(node, String(key))) value = node[String(key)];
  if (value === undefined) return undefined;
  return { file: parent.file, pointer: `${parent.pointer}/${escapePointer(String(key))}`, node: value };
}

/** The entries of a located object, each located. */
export function entriesOf(parent: Located | undefined): [string, Located][] {
  if (!parent || !isObject(parent.node)) return [];
  return Object.keys(parent.node).map((key) => [key, childOf(parent, key)!]);
}

/** The items of a located array, each located. */
export function itemsOf(parent: Located | undefined): Located[] {
  if (!parent || !Array.isArray(parent.node)) return [];
  return parent.node.map((_, index) => childOf(parent, index)!);
}
