/**
 * An immutable map that shares structure: a large shared base plus a small map of the entries
 * changed since, copied on every `with`. A lookup is at most two map lookups, whatever the number
 * of moves; once the changes grow to about the square root of the base they are folded into a new
 * base, which keeps both the copying and the folding cheap. The planner's state takes one such
 * step per move, thousands per plan, and looks services up far more often still.
 */
export class LayeredMap<V> {
  private constructor(
    private readonly base: ReadonlyMap<string, V>,
    private readonly changed: ReadonlyMap<string, V>,
  ) {}

  static of<V>(entries: ReadonlyMap<string, V>): LayeredMap<V> {
    return new LayeredMap(entries, new Map());
  }

  get(key: string): V | undefined {
    const value = this.changed.get(key);
    if (value !== undefined || this.changed.has(key)) return value;
    return this.base.get(key);
  }

  with(key: string, value: V): LayeredMap<V> {
    const changed = new Map(this.changed);
    changed.set(key, value);
    if (changed.size * changed.size <= Math.max(this.base.size, 256)) return new LayeredMap(this.base, changed);
    const flat = new Map(this.base);
    for (const [k, v] of changed) flat.set(k, v);
    return new LayeredMap(flat, new Map());
  }

  /** Keys of the base in its order, then keys added since, in the order they were first added. */
  keys(): IterableIterator<string> {
    const flat = new Map(this.base);
    for (const [k, v] of this.changed) flat.set(k, v);
    return flat.keys();
  }
}
