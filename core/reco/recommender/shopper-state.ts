import type { ShopEvent } from '../../events/shop-event.ts';
import { BoundedCache } from '../bounded-cache.ts';
import type { InteractionSnapshot } from './interaction-model.ts';
import type { ExtendedHistory, IndexedHistory, ShopperHistory } from './shopper-history.ts';
import { basketShareOf, extendHistory, indexedHistory } from './shopper-history.ts';
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
  indexed: IndexedHistory;
  state: ShopperState;
}

/**
 * Per-shopper state reused across requests while the shopper's events are unchanged. The event store stays the
 * source of truth: every request re-reads the events and compares their ids in order with the cached ones (a
 * string comparison per event, far cheaper than re-deriving baskets and dates), so an appended, removed or erased
 * event is seen at once. Events appended after the cached ones (the common case: a shopper just did something)
 * extend the state instead of rebuilding it; the personal candidate lists survive events that change no basket.
 */
export class ShopperStateCache {
  private readonly entries: BoundedCache<string, Entry>;

  constructor(capacity = 20_000) {
    this.entries = new BoundedCache(capacity);
  }

  /** The state of `shopperId` for exactly these events. */
  get(shopperId: string, events: readonly ShopEvent[]): ShopperState {
    const entry = this.entries.get(shopperId);
    const shared = entry ? sharedPrefix(entry.ids, events) : 0;
    if (entry && shared === entry.ids.length) {
      if (shared === events.length) return entry.state;
      const extended = extendHistory(entry.indexed, events, shared);
      if (extended) {
        const state = extendState(entry.state, extended);
        for (let i = shared; i < events.length; i += 1) entry.ids.push(events[i]!.id);
        entry.indexed = extended;
        entry.state = state;
        return state;
      }
    }
    const indexed = indexedHistory(shopperId, events);
    const state = deriveState(indexed.history);
    this.entries.set(shopperId, { ids: events.map((event) => event.id), indexed, state });
    return state;
  }

  forget(shopperId: string): void {
    this.entries.delete(shopperId);
  }
}

/** How many leading events carry the cached ids, in order (the cached length when all of them do). */
function sharedPrefix(ids: readonly string[], events: readonly ShopEvent[]): number {
  if (ids.length > events.length) return -1;
  for (let i = 0; i < ids.length; i += 1) if (ids[i] !== events[i]!.id) return -1;
  return ids.length;
}

function deriveState(history: ShopperHistory): ShopperState {
  const owned = new Set<string>();
  const ratedLow = new Set<string>();
  for (const item of history.items.values()) {
    if (item.orderTimes.length > 0) owned.add(item.key);
    if (item.rating !== undefined && item.rating <= 2) ratedLow.add(item.key);
  }
  return { history, owned, ratedLow, basketShare: basketShareOf(history) };
}

/** The state after appended events: sets copied only when they change, basket shares only when baskets do. */
function extendState(previous: ShopperState, { history, basketsChanged }: ExtendedHistory): ShopperState {
  let { owned, ratedLow } = previous;
  for (const [key, item] of history.items) {
    if (item === previous.history.items.get(key)) continue; // unchanged by the appended events
    if (item.orderTimes.length > 0 && !owned.has(key)) owned = copyWith(owned, previous.owned, key, true);
    const low = item.rating !== undefined && item.rating <= 2;
    if (low !== ratedLow.has(key)) ratedLow = copyWith(ratedLow, previous.ratedLow, key, low);
  }
  return {
    history, owned, ratedLow,
    basketShare: basketsChanged ? basketShareOf(history) : previous.basketShare,
    // Personal lists depend only on baskets (and the statistics build and catalog, which they check themselves).
    personal: basketsChanged ? undefined : previous.personal,
  };
}

/** `set` with `key` added or removed, copied first if it is still the shared previous set. */
function copyWith(set: Set<string>, shared: Set<string>, key: string, present: boolean): Set<string> {
  const out = set === shared ? new Set(set) : set;
  if (present) out.add(key); else out.delete(key);
  return out;
}

