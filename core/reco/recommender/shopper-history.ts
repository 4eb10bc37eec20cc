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
  const items = new Map<string, ItemHistory>();
  const orders = new Map<string, { ts: number; keys: Set<string>; service: Service }>();
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
    entry.lastSeen = Math.max(entry.lastSeen, ts);
    if (event.type === 'view') entry.views += 1;
    else if (event.type === 'add_to_cart') entry.carts += 1;
    else if (event.type === 'rating') entry.rating = event.rating;
    else if (event.type === 'order') {
      const orderKey = event.orderId ? `${event.service}/${event.orderId}` : `${event.service}/${Math.floor(ts / DAY)}`;
      let order = orders.get(orderKey);
      if (!order) { order = { ts, keys: new Set(), service: event.service }; orders.set(orderKey, order); }
      order.ts = Math.min(order.ts, ts);
      if (!order.keys.has(key)) { order.keys.add(key); entry.orderTimes.push(ts); }
    }
  }
  for (const entry of items.values()) entry.orderTimes.sort((a, b) => a - b);
  const baskets = [...orders.values()].sort((a, b) => a.ts - b.ts)
    .map((order) => ({ ts: order.ts, keys: [...order.keys], service: order.service }));
  return { shopperId, items, baskets, lastEventAt };
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
