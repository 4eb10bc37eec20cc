import type { ShopEvent } from '../events/shop-event.ts';
import type { AppendOutcome, EventQuery, EventStore } from './event-store.ts';
import { createTimeSlicer } from '../time-slicer.ts';

interface StoredEvent {
  event: ShopEvent;
  ts: number;
}

/**
 * One shopper's events kept sorted by time then id, as parallel arrays: `ts` for the binary searches of the
 * time range, `events` so that a listing is one slice, with no per-read copy of wrappers, sort or map.
 */
interface UserLog {
  ts: number[];
  events: ShopEvent[];
  /** Events whose `ts` does not parse: never listed (no time range holds them), still counted and erased. */
  untimed: ShopEvent[];
}

/** Orders events by time, then id, so listings are deterministic. */
export function compareEvents(a: { ts: number; event: { id: string } }, b: { ts: number; event: { id: string } }): number {
  if (a.ts !== b.ts) return a.ts - b.ts;
  return a.event.id < b.event.id ? -1 : a.event.id > b.event.id ? 1 : 0;
}

/** The first index of `log` whose event is not before (`ts`, `id`); `id` undefined means before every id. */
function lowerBound(log: UserLog, ts: number, id?: string): number {
  let lo = 0;
  let hi = log.ts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const at = log.ts[mid]!;
    const before = at < ts || (at === ts && id !== undefined && log.events[mid]!.id < id);
    if (before) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/** The end of `limit` events from `start`, with the `Array#slice(0, limit)` semantics listings always had. */
function limitedEnd(start: number, end: number, limit: number | undefined): number {
  if (limit === undefined) return end;
  const size = end - start;
  const count = Math.trunc(limit) || 0;
  return start + Math.max(0, Math.min(size, count < 0 ? size + count : count));
}

/** The embedded-default event log: an id index plus one time-ordered list per shopper. */
export class MemoryEventStore implements EventStore {
  readonly #byId = new Map<string, StoredEvent>();
  readonly #byUser = new Map<string, UserLog>();

  async appendMany(events: readonly ShopEvent[]): Promise<AppendOutcome[]> {
    // A full batch (10,000 events) takes tens of milliseconds: other requests are served in between. Each event
    // is stored at once, as a database's bulk insert would make them visible.
    const slicer = createTimeSlicer();
    const outcomes: AppendOutcome[] = [];
    for (const event of events) {
      outcomes.push(this.#append(event));
      if (slicer.due()) await slicer.pause();
    }
    return outcomes;
  }

  #append(event: ShopEvent): AppendOutcome {
    if (this.#byId.has(event.id)) return 'duplicate';
    const stored: StoredEvent = { event: Object.freeze({ ...event }), ts: Date.parse(event.ts) };
    this.#byId.set(event.id, stored);
    let log = this.#byUser.get(event.userId);
    if (!log) this.#byUser.set(event.userId, (log = { ts: [], events: [], untimed: [] }));
    insert(log, stored);
    return 'accepted';
  }

  async listByUser(userId: string, query: EventQuery = {}): Promise<ShopEvent[]> {
    const log = this.#byUser.get(userId);
    if (!log) return [];
    const fromTs = query.from?.getTime() ?? Number.NEGATIVE_INFINITY;
    const toTs = query.to?.getTime() ?? Number.POSITIVE_INFINITY;
    if (Number.isNaN(fromTs) || Number.isNaN(toTs)) return []; // an invalid Date bound holds no time
    const from = lowerBound(log, fromTs);
    const to = lowerBound(log, toTs);
    if (from >= to) return [];
    // A fresh array each time: callers may sort or push into it without touching the store.
    if (!query.service) return log.events.slice(from, limitedEnd(from, to, query.limit));
    const cap = query.limit !== undefined && query.limit >= 0 ? Math.trunc(query.limit) : Number.POSITIVE_INFINITY;
    const out: ShopEvent[] = [];
    for (let i = from; i < to && out.length < cap; i += 1) {
      if (log.events[i]!.service === query.service) out.push(log.events[i]!);
    }
    out.length = limitedEnd(0, out.length, query.limit);
    return out;
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
      const log = this.#byUser.get(stored.event.userId);
      if (log && remove(log, stored)) this.#byUser.delete(stored.event.userId);
      removed += 1;
    }
    return removed;
  }

  async deleteByUser(userId: string): Promise<number> {
    const log = this.#byUser.get(userId);
    if (!log) return 0;
    for (const event of log.events) this.#byId.delete(event.id);
    for (const event of log.untimed) this.#byId.delete(event.id);
    this.#byUser.delete(userId);
    return log.events.length + log.untimed.length;
  }

  async count(): Promise<number> {
    return this.#byId.size;
  }

  async close(): Promise<void> {}
}

/** Adds an event at its place: a push when events arrive in time order (the common case), else a binary search. */
function insert(log: UserLog, { event, ts }: StoredEvent): void {
  if (Number.isNaN(ts)) {
    log.untimed.push(event);
    return;
  }
  const last = log.ts.length - 1;
  if (last < 0 || compareEvents({ ts: log.ts[last]!, event: log.events[last]! }, { ts, event }) < 0) {
    log.ts.push(ts);
    log.events.push(event);
    return;
  }
  const at = lowerBound(log, ts, event.id);
  log.ts.splice(at, 0, ts);
  log.events.splice(at, 0, event);
}

/** Removes one stored event from its shopper's log; true when the log is left empty. */
function remove(log: UserLog, { event, ts }: StoredEvent): boolean {
  const untimedAt = Number.isNaN(ts) ? log.untimed.indexOf(event) : -1;
  if (untimedAt >= 0) log.untimed.splice(untimedAt, 1);
  const at = Number.isNaN(ts) ? -1 : lowerBound(log, ts, event.id);
  if (at >= 0 && log.events[at] === event) {
    log.ts.splice(at, 1);
    log.events.splice(at, 1);
  }
  return log.events.length === 0 && log.untimed.length === 0;
}
