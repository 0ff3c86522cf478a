/**
 * An immutable string-keyed map for the planner's state, which takes one `with` per move (thousands
 * per plan) and many more lookups. The keys known at creation get fixed slots in chunks of 64
 * values; `with` copies the list of chunks and the one chunk it changes, about a hundred pointers
 * for an environment of thousands of services, and a lookup is one map lookup and two array reads.
 * Keys added later (new services) go to a small map copied on write.
 */
export class PersistentMap<V> {
  private static readonly CHUNK = 64;

  private constructor(
    /** Slot of each initial key; shared by every map derived from the same `of`. */
    private readonly slots: ReadonlyMap<string, number>,
    private readonly chunks: readonly (readonly V[])[],
    private readonly added: ReadonlyMap<string, V>,
  ) {}

  static of<V>(entries: ReadonlyMap<string, V>): PersistentMap<V> {
    const slots = new Map<string, number>();
    const chunks: V[][] = [];
    for (const [key, value] of entries) {
      const slot = slots.size;
      slots.set(key, slot);
      if (slot % PersistentMap.CHUNK === 0) chunks.push([]);
      chunks[chunks.length - 1]!.push(value);
    }
    return new PersistentMap(slots, chunks, new Map());
  }

  get(key: string): V | undefined {
    const slot = this.slots.get(key);
    if (slot === undefined) return this.added.get(key);
    return this.chunks[(slot / PersistentMap.CHUNK) | 0]![slot % PersistentMap.CHUNK];
  }

  with(key: string, value: V): PersistentMap<V> {
    const slot = this.slots.get(key);
    if (slot === undefined) {
      const added = new Map(this.added);
      added.set(key, value);
      return new PersistentMap(this.slots, this.chunks, added);
    }
    const at = (slot / PersistentMap.CHUNK) | 0;
    const chunk = this.chunks[at]!.slice();
    chunk[slot % PersistentMap.CHUNK] = value;
    const chunks = this.chunks.slice();
    chunks[at] = chunk;
    return new PersistentMap(this.slots, chunks, this.added);
  }

  /** The initial keys in their order, then keys added since, in the order they were first added. */
  *keys(): IterableIterator<string> {
    yield* this.slots.keys();
    yield* this.added.keys();
  }
}
