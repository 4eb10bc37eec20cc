import type { ShopEvent, ShopEventType } from '../events/shop-event.ts';
import { emptyServiceState, type Buckets, type ProfileState, type ServiceState } from './profile-state.ts';

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

/** Integer weight per event type: order > add_to_cart > rating (5 stars) > view > search. */
export const EVENT_WEIGHTS: Readonly<Record<Exclude<ShopEventType, 'rating'>, number>> = {
  order: 10,
  add_to_cart: 6,
  view: 2,
  search: 1,
};

/** A rating's weight: 5 stars +4, 4 stars +2, 3 stars 0, 2 stars -2, 1 star -4 (a dislike). */
export function ratingWeight(rating: number): number {
  return (rating - 3) * 2;
}

/** The sizes of the windows the builder keeps, in buckets. */
export interface AccumulatorLimits {
  /** Day buckets kept for the short-term view (default 28). */
  shortWindowDays: number;
  /** Week buckets kept for the long-term view (default 104). */
  longWindowWeeks: number;
  /** Latest distinct order times kept per item for repurchase cycles (default 24). */
  orderTimesPerItem: number;
}

/** The default window sizes. */
export const DEFAULT_ACCUMULATOR_LIMITS: AccumulatorLimits = { shortWindowDays: 28, longWindowWeeks: 104, orderTimesPerItem: 24 };

/** The day bucket of a time. */
export function dayOf(ts: number): number {
  return Math.floor(ts / DAY_MS);
}

/** The week bucket of a time. */
export function weekOf(ts: number): number {
  return Math.floor(ts / WEEK_MS);
}

/** Lower-cases and collapses whitespace, so "Молоко  " and "молоко" count as one query. */
export function normalizeQuery(query: string): string {
  return query.toLowerCase().replace(/\s+/g, ' ').trim().slice(0, 100);
}

function addToBuckets(map: Map<string, Buckets>, key: string, bucket: number, weight: number): void {
  let buckets = map.get(key);
  if (!buckets) map.set(key, (buckets = new Map()));
  buckets.set(bucket, (buckets.get(bucket) ?? 0) + weight);
}

function pruneBuckets(map: Map<string, Buckets>, minBucket: number): void {
  for (const [key, buckets] of map) {
    for (const bucket of buckets.keys()) if (bucket < minBucket) buckets.delete(bucket);
    if (buckets.size === 0) map.delete(key);
  }
}

/** Keeps the latest `limit` distinct times, sorted ascending: a function of the set, not of arrival order. */
function insertOrderTime(times: number[], ts: number, limit: number): void {
  let index = times.length;
  while (index > 0 && times[index - 1]! > ts) index -= 1;
  if (times[index - 1] === ts) return;
  times.splice(index, 0, ts);
  if (times.length > limit) times.splice(0, times.length - limit);
}

function weightOf(event: ShopEvent): number {
  return event.type === 'rating' ? ratingWeight(event.rating ?? 3) : EVENT_WEIGHTS[event.type];
}

function accumulateOrder(state: ServiceState, event: ShopEvent, ts: number, limits: AccumulatorLimits): void {
  // An order of several lines arrives as several events: count the order once (a line without an id is its own order).
  if (event.orderId === undefined) state.orders += 1;
  else if (!state.orderIds.has(event.orderId)) {
    state.orderIds.add(event.orderId);
    state.orders += 1;
  }
  const itemId = event.itemId!;
  state.itemOrders.set(itemId, (state.itemOrders.get(itemId) ?? 0) + 1);
  let times = state.orderTimes.get(itemId);
  if (!times) state.orderTimes.set(itemId, (times = []));
  insertOrderTime(times, ts, limits.orderTimesPerItem);
  if (event.price !== undefined) {
    const paid = state.paid.get(itemId) ?? [0, 0];
    state.paid.set(itemId, [paid[0] + Math.round(event.price * 100), paid[1] + 1]);
  }
}

/** Moves the windows forward after `maxTs` grew: everything older than the windows is dropped. */
function advanceWindows(state: ProfileState, previousMax: number, limits: AccumulatorLimits): void {
  const minDay = dayOf(state.maxTs) - limits.shortWindowDays + 1;
  const minWeek = weekOf(state.maxTs) - limits.longWindowWeeks + 1;
  const shortMoved = !Number.isFinite(previousMax) || minDay > dayOf(previousMax) - limits.shortWindowDays + 1;
  const longMoved = !Number.isFinite(previousMax) || minWeek > weekOf(previousMax) - limits.longWindowWeeks + 1;
  if (!shortMoved && !longMoved) return;
  for (const service of state.services.values()) {
    if (shortMoved) {
      pruneBuckets(service.shortItems, minDay);
      pruneBuckets(service.searches, minDay);
    }
    if (longMoved) pruneBuckets(service.longItems, minWeek);
  }
}

/**
 * Adds one (already deduplicated) event to a shopper's state, in place. Every accumulator is an integer sum,
 * a min/max or a top-N of a set, and the windows are anchored at the latest event time, so the result does not
 * depend on the order events are applied in.
 */
export function accumulateEvent(state: ProfileState, event: ShopEvent, limits: AccumulatorLimits = DEFAULT_ACCUMULATOR_LIMITS): void {
  const ts = Date.parse(event.ts);
  let service = state.services.get(event.service);
  if (!service) state.services.set(event.service, (service = emptyServiceState()));
  state.events += 1;
  service.events += 1;
  service.firstTs = Math.min(service.firstTs, ts);
  service.lastTs = Math.max(service.lastTs, ts);
  if (ts > state.maxTs) {
    const previousMax = state.maxTs;
    state.maxTs = ts;
    advanceWindows(state, previousMax, limits);
  }
  const day = dayOf(ts);
  const week = weekOf(ts);
  const inShort = day > dayOf(state.maxTs) - limits.shortWindowDays;
  const inLong = week > weekOf(state.maxTs) - limits.longWindowWeeks;
  if (event.itemId) {
    const weight = weightOf(event);
    if (inShort) addToBuckets(service.shortItems, event.itemId, day, weight);
    if (inLong) addToBuckets(service.longItems, event.itemId, week, weight);
  }
  if (event.type === 'search' && event.query && inShort) {
    addToBuckets(service.searches, normalizeQuery(event.query), day, 1);
  }
  if (event.type === 'order') accumulateOrder(service, event, ts, limits);
}
