import type { Service } from '../reply.ts';

/**
 * Integer event weights per time bucket (bucket index -> summed weight). Integers make sums exact, so the
 * state does not depend on the order events arrive in.
 */
export type Buckets = Map<number, number>;

/** The accumulators of one shopper in one service. */
export interface ServiceState {
  events: number;
  /** Distinct orders: distinct `orderId`s, plus one for each order line that has none. */
  orders: number;
  /** The `orderId`s seen, so the lines of one order count once whatever order they arrive in. */
  orderIds: Set<string>;
  firstTs: number;
  lastTs: number;
  /** itemId -> day buckets (short-term view). */
  shortItems: Map<string, Buckets>;
  /** itemId -> week buckets (long-term view). */
  longItems: Map<string, Buckets>;
  /** Normalized search query -> day buckets. */
  searches: Map<string, Buckets>;
  /** itemId -> number of order events (order lines). */
  itemOrders: Map<string, number>;
  /** itemId -> sorted distinct order times (ms), only the latest ones are kept. */
  orderTimes: Map<string, number[]>;
  /** itemId -> [sum of paid unit prices in kopecks, number of priced orders]. */
  paid: Map<string, [number, number]>;
}

/**
 * Everything the profile builder accumulates for one shopper. Windows are anchored at `maxTs` (the latest
 * event), which is a function of the event set, not of arrival order.
 */
export interface ProfileState {
  maxTs: number;
  events: number;
  services: Map<Service, ServiceState>;
}

/** A fresh state with no events. */
export function emptyProfileState(): ProfileState {
  return { maxTs: Number.NEGATIVE_INFINITY, events: 0, services: new Map() };
}

/** A fresh per-service state. */
export function emptyServiceState(): ServiceState {
  return {
    events: 0,
    orders: 0,
    orderIds: new Set(),
    firstTs: Number.POSITIVE_INFINITY,
    lastTs: Number.NEGATIVE_INFINITY,
    shortItems: new Map(),
    longItems: new Map(),
    searches: new Map(),
    itemOrders: new Map(),
    orderTimes: new Map(),
    paid: new Map(),
  };
}
