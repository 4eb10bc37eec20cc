/** A held entry of an {@link ExpiringMap}. */
export interface ExpiringEntry<V> {
  value: V;
  expiresAt: number;
}

/**
 * A map whose entries expire, for the in-memory pipeline stores. Expired entries are dropped when
 * read, and swept once per "map size" writes so keys never read again do not pile up.
 */
export class ExpiringMap<V> {
  readonly #entries = new Map<string, ExpiringEntry<V>>();
  readonly #now: () => number;
  #writesSinceSweep = 0;

  constructor(now: () => number) {
    this.#now = now;
  }

  get(key: string): V | undefined {
    return this.entry(key)?.value;
  }

  /**
   * The live entry of a key, for a read-then-write of the same key: the store updates `value` in place and
   * calls {@link refresh}, one lookup in the map instead of a second one for `set`. A caller that already read
   * the clock passes `now`.
   */
  entry(key: string, now: number = this.#now()): ExpiringEntry<V> | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= now) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry;
  }

  /** Restarts the time to live of an entry returned by {@link entry} (still held: nothing ran in between). */
  refresh(entry: ExpiringEntry<V>, ttlMs: number): void {
    entry.expiresAt = this.#now() + ttlMs;
  }

  /** Writes a key and returns its entry (for a later {@link refresh}). */
  set(key: string, value: V, ttlMs: number): ExpiringEntry<V> {
    const expiresAt = this.#now() + ttlMs;
    const entry = this.#entries.get(key);
    // Rewriting a live key (every turn of an ongoing chat) updates its entry in place: no new object per write.
    if (entry) {
      entry.value = value;
      entry.expiresAt = expiresAt;
      return entry;
    }
    const created = { value, expiresAt };
    this.#entries.set(key, created);
    this.#writesSinceSweep += 1;
    if (this.#writesSinceSweep >= Math.max(1024, this.#entries.size)) this.sweep();
    return created;
  }

  delete(key: string): boolean {
    return this.#entries.delete(key);
  }

  /** Drops every expired entry now. */
  sweep(): void {
    this.#writesSinceSweep = 0;
    const now = this.#now();
    for (const [key, entry] of this.#entries) if (entry.expiresAt <= now) this.#entries.delete(key);
  }

  clear(): void {
    this.#entries.clear();
  }

  /** Entries held, expired or not (for tests of the sweeping). */
  get size(): number {
    return this.#entries.size;
  }
}
