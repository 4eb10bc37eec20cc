import type { ShopEvent } from '../../events/shop-event.ts';
import { BoundedCache } from '../bounded-cache.ts';
import type { InteractionSnapshot } from './interaction-model.ts';
import type { ShopperHistory } from './shopper-history.ts';
import { shopperHistory } from './shopper-history.ts';
import type { Reason } from './types.ts';

/** A generator's suggestion: the item key, its score and the (frozen, shared) reason. */
export interface Suggestion {
  key: string;
  score: number;
  reason: Reason;
}

/** Candidate lists that depend only on the history, the statistics build and the catalog. */
export interface PersonalLists {
  model: InteractionSnapshot;
  catalog: unknown;
  similar?: Suggestion[];
  together?: Suggestion[];
}

/**
 * What the recommender derives from one shopper's events: the history, the items they own and the items they
 * rated low, plus per-statistics-build candidate lists (`personal`) that depend only on the history and the
 * global model, not on the request.
 */
export interface ShopperState {
  history: ShopperHistory;
  owned: Set<string>;
  ratedLow: Set<string>;
  /** Recency-weighted share of the shopper's baskets holding each item (repurchase frequency). */
  basketShare: Map<string, number>;
  personal?: PersonalLists;
}

interface Entry {
  ids: string[];
  state: ShopperState;
}

/**
 * Per-shopper state reused across requests while the shopper's events are unchanged. The event store stays the
 * source of truth: every request re-reads the events and compares their ids in order with the cached ones (a
 * string comparison per event, far cheaper than re-deriving baskets and dates), so an appended, removed or erased
 * event is seen at once.
 */
export class ShopperStateCache {
  private readonly entries: BoundedCache<string, Entry>;

  constructor(capacity = 20_000) {
    this.entries = new BoundedCache(capacity);
  }

  /** The state of `shopperId` for exactly these events. */
  get(shopperId: string, events: readonly ShopEvent[]): ShopperState {
    const entry = this.entries.get(shopperId);
    if (entry && sameIds(entry.ids, events)) return entry.state;
    const state = deriveState(shopperId, events);
    this.entries.set(shopperId, { ids: events.map((event) => event.id), state });
    return state;
  }

  forget(shopperId: string): void {
    this.entries.delete(shopperId);
  }
}

function sameIds(ids: readonly string[], events: readonly ShopEvent[]): boolean {
  if (ids.length !== events.length) return false;
  for (let i = 0; i < ids.length; i += 1) if (ids[i] !== events[i]!.id) return false;
  return true;
}

function deriveState(shopperId: string, events: readonly ShopEvent[]): ShopperState {
  const history = shopperHistory(shopperId, events);
  const owned = new Set<string>();
  const ratedLow = new Set<string>();
  for (const item of history.items.values()) {
    if (item.orderTimes.length > 0) owned.add(item.key);
    if (item.rating !== undefined && item.rating <= 2) ratedLow.add(item.key);
  }
  const basketShare = new Map<string, number>();
  let total = 0;
  history.baskets.forEach((basket, b) => {
    const weight = 0.9 ** (history.baskets.length - 1 - b);
    total += weight;
    for (const key of basket.keys) basketShare.set(key, (basketShare.get(key) ?? 0) + weight);
  });
  for (const [key, share] of basketShare) basketShare.set(key, share / total);
  return { history, owned, ratedLow, basketShare };
}
