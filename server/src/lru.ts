/** A small least-recently-used map: the server's caches stay bounded however many documents the user opens. */
export class Lru<K, V> {
  private readonly map = new Map<K, V>();
  private readonly capacity: number;

  constructor(capacity: number) {
    this.capacity = Math.max(1, capacity);
  }

  get(key: K): V | undefined {
    const value = this.map.get(key);
    if (value === undefined) return undefined;
    // Re-insert so that Map's insertion order is the recency order.
    this.map.delete(key);
    this.map.set(key, value);
    return value;
  }

  /** The cached value, without touching its recency. */
  peek(key: K): V | undefined {
    return this.map.get(key);
  }

  /** Whether `key` is cached, without touching its recency. */
  has(key: K): boolean {
    return this.map.has(key);
  }

  set(key: K, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value as K);
  }

  delete(key: K): void {
    this.map.delete(key);
  }

  clear(): void {
    this.map.clear();
  }

  get size(): number {
    return this.map.size;
  }
}
