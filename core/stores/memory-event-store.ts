import type { ShopEvent } from '../events/shop-event.ts';
import type { AppendOutcome, EventQuery, EventStore } from './event-store.ts';

interface StoredEvent {
  event: ShopEvent;
  ts: number;
}

/** Orders events by time, then id, so listings are deterministic. */
export function compareEvents(a: { ts: number; event: { id: string } }, b: { ts: number; event: { id: string } }): number {
  if (a.ts !== b.ts) return a.ts - b.ts;
  return a.event.id < b.event.id ? -1 : a.event.id > b.event.id ? 1 : 0;
}

/** The embedded-default event log: an id index plus one list per shopper. */
export class MemoryEventStore implements EventStore {
  readonly #byId = new Map<string, StoredEvent>();
  readonly #byUser = new Map<string, Set<StoredEvent>>();

  async appendMany(events: readonly ShopEvent[]): Promise<AppendOutcome[]> {
    return events.map((event) => {
      if (this.#byId.has(event.id)) return 'duplicate';
      const stored: StoredEvent = { event: Object.freeze({ ...event }), ts: Date.parse(event.ts) };
      this.#byId.set(event.id, stored);
      let list = this.#byUser.get(event.userId);
      if (!list) this.#byUser.set(event.userId, (list = new Set()));
      list.add(stored);
      return 'accepted';
    });
  }

  async listByUser(userId: string, query: EventQuery = {}): Promise<ShopEvent[]> {
    const from = query.from?.getTime() ?? Number.NEGATIVE_INFINITY;
    const to = query.to?.getTime() ?? Number.POSITIVE_INFINITY;
    const matching = [...(this.#byUser.get(userId) ?? [])].filter(
      (s) => s.ts >= from && s.ts < to && (!query.service || s.event.service === query.service),
    );
    matching.sort(compareEvents);
    const limited = query.limit === undefined ? matching : matching.slice(0, query.limit);
    return limited.map((s) => s.event);
  }

  async has(id: string): Promise<boolean> {
    return this.#byId.has(id);
  }

  async deleteByIds(ids: readonly string[]): Promise<number> {
    let removed = 0;
    for (const id of ids) {
      const stored = this.#byId.get(id);
      if (!stored) continue;
      this.#byId.delete(id);
      this.#byUser.get(stored.event.userId)?.delete(stored);
      removed += 1;
    }
    return removed;
  }

  async deleteByUser(userId: string): Promise<number> {
    const list = this.#byUser.get(userId);
    if (!list) return 0;
    for (const stored of list) this.#byId.delete(stored.event.id);
    this.#byUser.delete(userId);
    return list.size;
  }

  async count(): Promise<number> {
    return this.#byId.size;
  }

  async close(): Promise<void> {}
}
