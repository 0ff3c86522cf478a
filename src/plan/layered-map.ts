/**
 * An immutable map that shares structure: `with` adds one entry in a new layer on top of this one,
 * in constant time, and lookups walk the layers. Every few layers the chain is flattened so a
 * lookup never walks far. The planner's state takes one such step per move, thousands per plan.
 */
export class LayeredMap<V> {
  private static readonly MAX_DEPTH = 24;

  private constructor(
    private readonly own: ReadonlyMap<string, V>,
    private readonly parent: LayeredMap<V> | undefined,
    private readonly depth: number,
  ) {}

  static of<V>(entries: ReadonlyMap<string, V>): LayeredMap<V> {
    return new LayeredMap(entries, undefined, 0);
  }

  get(key: string): V | undefined {
    for (let layer: LayeredMap<V> | undefined = this; layer; layer = layer.parent) {
      const value = layer.own.get(key);
      if (value !== undefined || layer.own.has(key)) return value;
    }
    return undefined;
  }

  with(key: string, value: V): LayeredMap<V> {
    if (this.depth < LayeredMap.MAX_DEPTH) return new LayeredMap(new Map([[key, value]]), this, this.depth + 1);
    const flat = new Map<string, V>();
    this.collect(flat);
    flat.set(key, value);
    return new LayeredMap(flat, undefined, 0);
  }

  keys(): IterableIterator<string> {
    const flat = new Map<string, V>();
    this.collect(flat);
    return flat.keys();
  }

  /** Entries from the bottom layer up, so upper layers win. */
  private collect(into: Map<string, V>): void {
    const layers: LayeredMap<V>[] = [];
    for (let layer: LayeredMap<V> | undefined = this; layer; layer = layer.parent) layers.push(layer);
    for (let i = layers.length - 1; i >= 0; i--) for (const [key, value] of layers[i]!.own) into.set(key, value);
  }
}
