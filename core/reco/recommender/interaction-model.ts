import type { ShopEvent } from '../../events/shop-event.ts';
import type { Service } from '../../reply.ts';
import type { InternedUser } from '../next-basket/interned.ts';
import { ItemVocabulary } from '../next-basket/interned.ts';
import type { SparseVector } from '../next-basket/user-vectors.ts';
import { decayedVector, NeighbourIndex } from '../next-basket/user-vectors.ts';
import { shopperHistory } from './shopper-history.ts';
import type { TimeSlicer } from '../../time-slicer.ts';

/** A co-purchased item: how many shoppers bought both, and the cosine of their buyer sets. */
export interface CoPurchase {
  key: string;
  shoppers: number;
  score: number;
}

/** Global statistics of every observed shopper, rebuilt lazily when events arrive. */
export interface InteractionSnapshot {
  vocabulary: ItemVocabulary;
  /** Distinct buyers per item key. */
  buyers: Map<string, number>;
  maxBuyers: number;
  /** Item keys by buyers, per service. */
  popularByService: Map<Service, string[]>;
  coPurchases: Map<string, CoPurchase[]>;
  shopperIds: string[];
  shopperRow: Map<string, number>;
  vectors: SparseVector[];
  neighbours: NeighbourIndex;
  decay: number;
}

const MAX_ITEMS_PER_SHOPPER = 80;

/**
 * Keeps order events of all shoppers (deduplicated by event id) and derives popularity, co-purchases
 * ("shoppers who buy X also buy Y") and TIFUKNN repeat vectors for neighbour search. `forget` drops a shopper
 * entirely, so an erased shopper no longer counts anywhere after the next build.
 */
export class InteractionModel {
  private readonly events = new Map<string, Map<string, ShopEvent>>();
  private snapshotCache: InteractionSnapshot | undefined;
  private version = 0;
  private builtVersion = -1;
  /** Counts `forget` calls: a sliced build that saw one start is redone (it may hold the erased shopper). */
  private forgets = 0;
  private slicedBuild: Promise<void> | undefined;
  /** How many times the statistics were built (callers detect rebuilds). */
  builds = 0;

  constructor(private readonly decay = 0.9) {}

  /** Adds events (any type; only orders feed the global statistics). */
  observe(events: Iterable<ShopEvent>): void {
    for (const event of events) {
      if (event.type !== 'order' || !event.itemId) continue;
      let list = this.events.get(event.userId);
      if (!list) { list = new Map(); this.events.set(event.userId, list); }
      if (!list.has(event.id)) { list.set(event.id, event); this.version += 1; }
    }
  }

  /** Removes every trace of a shopper; returns how many events were dropped. */
  forget(shopperId: string): number {
    const count = this.events.get(shopperId)?.size ?? 0;
    if (this.events.delete(shopperId)) { this.version += 1; this.forgets += 1; this.snapshotCache = undefined; }
    return count;
  }

  /** Whether a sliced build is running (callers join it rather than build again synchronously). */
  get building(): boolean {
    return this.slicedBuild !== undefined;
  }

  /** Whether events arrived since the last build. */
  get stale(): boolean {
    return this.version !== this.builtVersion;
  }

  /** The current snapshot, rebuilt when stale (or when `force`). */
  snapshot(force = false): InteractionSnapshot {
    if (!this.snapshotCache || (force && this.stale)) this.build();
    return this.snapshotCache!;
  }

  /**
   * {@link snapshot} with the build spread over event-loop turns by `slicer` (the same statistics). Concurrent
   * calls share one build; the new snapshot replaces the old one only once complete.
   */
  async snapshotSliced(slicer: TimeSlicer, force = false): Promise<InteractionSnapshot> {
    if (this.slicedBuild) await this.slicedBuild;
    if (!this.snapshotCache || (force && this.stale)) {
      this.slicedBuild ??= this.buildSliced(slicer).finally(() => { this.slicedBuild = undefined; });
      await this.slicedBuild;
    }
    // An erasure right after the build dropped it: build what is left at once.
    return this.snapshotCache ?? this.snapshot();
  }

  private build(): void {
    const steps = this.buildSteps([...this.events]);
    for (;;) {
      const step = steps.next();
      if (step.done) { this.install(step.value, this.version); return; }
    }
  }

  private async buildSliced(slicer: TimeSlicer): Promise<void> {
    for (;;) {
      const version = this.version;
      const forgets = this.forgets;
      const built = await slicer.drain(this.buildSteps([...this.events]));
      if (forgets !== this.forgets) continue; // an erasure landed meanwhile: the build may still count that shopper
      // A synchronous build that ran meanwhile (a request's) may already be newer.
      if (version >= this.builtVersion) this.install(built, version);
      return;
    }
  }

  private install(snapshot: InteractionSnapshot, version: number): void {
    this.snapshotCache = snapshot;
    this.builtVersion = version;
    this.builds += 1;
  }

  /** The statistics of `shoppers`, yielding after each shopper's share of every pass. */
  private *buildSteps(shoppers: [string, Map<string, ShopEvent>][]): Generator<void, InteractionSnapshot> {
    const vocabulary = new ItemVocabulary();
    const buyers = new Map<string, number>();
    const shopperIds: string[] = [];
    const users: InternedUser[] = [];
    const ownItems: string[][] = [];
    for (const [shopperId, events] of shoppers) {
      yield;
      const history = shopperHistory(shopperId, [...events.values()].sort((a, b) => (a.ts < b.ts ? -1 : a.ts > b.ts ? 1 : 0)));
      if (history.baskets.length === 0) continue;
      shopperIds.push(shopperId);
      users.push({ id: shopperId,
        baskets: history.baskets.map((b) => Int32Array.from(b.keys.map((key) => vocabulary.intern(key)))),
        ts: Float64Array.from(history.baskets.map((b) => b.ts)) });
      const top = [...history.items.values()].filter((i) => i.orderTimes.length > 0)
        .sort((a, b) => b.orderTimes.length - a.orderTimes.length || (a.key < b.key ? -1 : 1))
        .slice(0, MAX_ITEMS_PER_SHOPPER).map((i) => i.key);
      ownItems.push(top);
      for (const key of history.items.keys()) {
        if (history.items.get(key)!.orderTimes.length > 0) buyers.set(key, (buyers.get(key) ?? 0) + 1);
      }
    }
    const vectors: SparseVector[] = [];
    for (const user of users) {
      vectors.push(decayedVector(user, this.decay));
      yield;
    }
    const co = yield* coPurchases(ownItems, buyers);
    return {
      vocabulary, buyers, maxBuyers: [...buyers.values()].reduce((a, b) => Math.max(a, b), 1),
      popularByService: popularity(buyers), coPurchases: co,
      shopperIds, shopperRow: new Map(shopperIds.map((id, row) => [id, row])),
      vectors, neighbours: new NeighbourIndex(vectors, vocabulary.size), decay: this.decay,
    };
  }
}

function popularity(buyers: Map<string, number>): Map<Service, string[]> {
  const byService = new Map<Service, string[]>();
  const sorted = [...buyers.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  for (const [key] of sorted) {
    const service = key.slice(0, key.indexOf(':')) as Service;
    const list = byService.get(service) ?? [];
    list.push(key);
    byService.set(service, list);
  }
  return byService;
}

function* coPurchases(ownItems: string[][], buyers: Map<string, number>): Generator<void, Map<string, CoPurchase[]>> {
  const pairs = new Map<string, Map<string, number>>();
  for (const items of ownItems) {
    yield;
    for (const a of items) {
      let row = pairs.get(a);
      if (!row) { row = new Map(); pairs.set(a, row); }
      for (const b of items) if (a !== b) row.set(b, (row.get(b) ?? 0) + 1);
    }
  }
  const out = new Map<string, CoPurchase[]>();
  for (const [a, row] of pairs) {
    yield;
    const list: CoPurchase[] = [];
    for (const [b, shoppers] of row) {
      if (shoppers < 2) continue;
      list.push({ key: b, shoppers, score: shoppers / Math.sqrt(buyers.get(a)! * buyers.get(b)!) });
    }
    list.sort((x, y) => y.score - x.score || (x.key < y.key ? -1 : 1));
    out.set(a, list.slice(0, 20));
  }
  return out;
}
