import type { ShopEvent } from '../../events/shop-event.ts';
import type { Service } from '../../reply.ts';

const DAY = 86_400_000;

/** What one shopper did with one item. */
export interface ItemHistory {
  key: string;
  service: Service;
  itemId: string;
  /** Distinct orders containing the item, oldest first (epoch ms). */
  orderTimes: number[];
  views: number;
  carts: number;
  /** The latest rating, if any. */
  rating?: number;
  lastSeen: number;
}

/** A shopper's history, derived from their events (the source of truth, so erasure is immediate). */
export interface ShopperHistory {
  shopperId: string;
  items: Map<string, ItemHistory>;
  /** Orders as baskets of item keys, oldest first. */
  baskets: { ts: number; keys: string[]; service: Service }[];
  /** The latest event time, or NaN. */
  lastEventAt: number;
}

/** Groups order events into baskets by order id (or by service and day when no order id is given). */
export function shopperHistory(shopperId: string, events: readonly ShopEvent[]): ShopperHistory {
  return indexedHistory(shopperId, events).history;
}

/** A history plus the order key of each basket, so an appended order event can find the basket it joins. */
export interface IndexedHistory {
  history: ShopperHistory;
  /** `orderKeys[b]` is the key ("service/orderId" or "service/day") of `history.baskets[b]`. */
  orderKeys: string[];
}

function orderKeyOf(event: ShopEvent, ts: number): string {
  return event.orderId ? `${event.service}/${event.orderId}` : `${event.service}/${Math.floor(ts / DAY)}`;
}

/** {@link shopperHistory} with the basket index kept. */
export function indexedHistory(shopperId: string, events: readonly ShopEvent[]): IndexedHistory {
  const items = new Map<string, ItemHistory>();
  const orders = new Map<string, { ts: number; keys: Set<string>; service: Service; orderKey: string }>();
  let lastEventAt = Number.NaN;
  for (const event of events) {
    const ts = Date.parse(event.ts);
    if (!(ts <= lastEventAt)) lastEventAt = ts;
    if (!event.itemId) continue;
    const key = `${event.service}:${event.itemId}`;
    let entry = items.get(key);
    if (!entry) {
      entry = { key, service: event.service, itemId: event.itemId, orderTimes: [], views: 0, carts: 0, lastSeen: ts };
      items.set(key, entry);
    }
    countInteraction(entry, event, ts);
    if (event.type === 'order') {
      const orderKey = orderKeyOf(event, ts);
      let order = orders.get(orderKey);
      if (!order) { order = { ts, keys: new Set(), service: event.service, orderKey }; orders.set(orderKey, order); }
      order.ts = Math.min(order.ts, ts);
      if (!order.keys.has(key)) { order.keys.add(key); entry.orderTimes.push(ts); }
    }
  }
  for (const entry of items.values()) entry.orderTimes.sort((a, b) => a - b);
  const sorted = [...orders.values()].sort((a, b) => a.ts - b.ts);
  const baskets = sorted.map((order) => ({ ts: order.ts, keys: [...order.keys], service: order.service }));
  return { history: { shopperId, items, baskets, lastEventAt }, orderKeys: sorted.map((order) => order.orderKey) };
}

// One place for the counters a rebuild and an extension must update the same way.
function countInteraction(entry: { lastSeen: number; views: number; carts: number; rating?: number }, event: ShopEvent, ts: number): void {
  entry.lastSeen = Math.max(entry.lastSeen, ts);
  if (event.type === 'view') entry.views += 1;
  else if (event.type === 'add_to_cart') entry.carts += 1;
  else if (event.type === 'rating') entry.rating = event.rating;
}

/** What {@link extendHistory} changed: the new history, and whether any basket (so any order time) changed. */
export interface ExtendedHistory extends IndexedHistory {
  basketsChanged: boolean;
}

/**
 * The history of `events[from..]` appended to `previous` (built from `events[0..from)`), equal to rebuilding
 * it from all events, without re-reading the old ones. The previous history is left untouched (changed items
 * and baskets are copied), so anything derived from it stays valid. Undefined when an appended event is older
 * than the latest known one or has no valid time: only a rebuild then orders it the same way.
 */
export function extendHistory(previous: IndexedHistory, events: readonly ShopEvent[], from: number): ExtendedHistory | undefined {
  const old = previous.history;
  let lastEventAt = old.lastEventAt;
  const items = new Map(old.items);
  const copied = new Set<string>();
  let baskets = old.baskets;
  let orderKeys = previous.orderKeys;
  let basketsChanged = false;
  for (let e = from; e < events.length; e += 1) {
    const event = events[e]!;
    const ts = Date.parse(event.ts);
    if (Number.isNaN(ts) || ts < lastEventAt) return undefined;
    lastEventAt = ts;
    if (!event.itemId) continue;
    const key = `${event.service}:${event.itemId}`;
    let entry = items.get(key);
    if (!entry) entry = { key, service: event.service, itemId: event.itemId, orderTimes: [], views: 0, carts: 0, lastSeen: ts };
    else if (!copied.has(key)) entry = { ...entry, orderTimes: [...entry.orderTimes] };
    copied.add(key);
    items.set(key, entry);
    countInteraction(entry, event, ts);
    if (event.type === 'order') {
      const orderKey = orderKeyOf(event, ts);
      // The joined basket is found from the newest: appended orders are almost always the latest baskets.
      const at = orderKeys.lastIndexOf(orderKey);
      if (at < 0) {
        if (!basketsChanged) { baskets = [...baskets]; orderKeys = [...orderKeys]; }
        basketsChanged = true;
        baskets.push({ ts, keys: [key], service: event.service });
        orderKeys.push(orderKey);
        entry.orderTimes.push(ts);
      } else if (!baskets[at]!.keys.includes(key)) {
        if (!basketsChanged) { baskets = [...baskets]; orderKeys = [...orderKeys]; }
        basketsChanged = true;
        baskets[at] = { ...baskets[at]!, keys: [...baskets[at]!.keys, key] };
        entry.orderTimes.push(ts); // the latest time so far: the list stays sorted
      }
    }
  }
  return { history: { shopperId: old.shopperId, items, baskets, lastEventAt }, orderKeys, basketsChanged };
}

/** The repurchase facts of an item: how often, how regularly, how long ago. */
export interface RepurchaseFacts {
  timesOrdered: number;
  /** Median days between orders (needs two orders). */
  everyDays?: number;
  daysSinceLast: number;
  /** Ordered at least twice and at least ~90% of the usual interval has passed. */
  due: boolean;
  /** 0..1: how close today is to the next expected order. */
  dueness: number;
}

/** Computes the repurchase facts of one item as of `now`. */
export function repurchaseFacts(item: ItemHistory, now: number): RepurchaseFacts {
  const times = item.orderTimes;
  const last = times[times.length - 1]!;
  const daysSinceLast = Math.max(0, Math.round((now - last) / DAY));
  if (times.length < 2) return { timesOrdered: times.length, daysSinceLast, due: false, dueness: 0.3 };
  const median = medianGapDays(times);
  const everyDays = Math.max(1, Math.round(median));
  const elapsed = (now - last) / DAY;
  const dueness = elapsed >= everyDays ? Math.max(0.5, Math.exp(-0.5 * ((elapsed - everyDays) / Math.max(everyDays, 1)) ** 2))
    : Math.exp(-0.5 * ((elapsed - everyDays) / Math.max(0.4 * everyDays, 1)) ** 2);
  return { timesOrdered: times.length, everyDays, daysSinceLast, due: elapsed >= 0.9 * everyDays, dueness };
}

/** Median gap in days between consecutive order times, memoized per times array (histories are immutable once built). */
const medians = new WeakMap<readonly number[], number>();
function medianGapDays(times: readonly number[]): number {
  let median = medians.get(times);
  if (median === undefined) {
    const gaps = times.slice(1).map((t, i) => (t - times[i]!) / DAY).sort((a, b) => a - b);
    median = gaps[gaps.length >> 1]!;
    medians.set(times, median);
  }
  return median;
}

/** Each item's share of the shopper's baskets, recent baskets weighing more (0.9 per basket back). */
export function basketShareOf(history: ShopperHistory): Map<string, number> {
  const share = new Map<string, number>();
  let total = 0;
  history.baskets.forEach((basket, b) => {
    const weight = 0.9 ** (history.baskets.length - 1 - b);
    total += weight;
    for (const key of basket.keys) share.set(key, (share.get(key) ?? 0) + weight);
  });
  for (const [key, value] of share) share.set(key, value / total);
  return share;
}
