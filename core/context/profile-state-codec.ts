import type { Service } from '../reply.ts';
import { emptyServiceState, type Buckets, type ProfileState, type ServiceState } from './profile-state.ts';

/** A ProfileState as plain JSON: maps become entry arrays, so any item id is safe (no `__proto__` or `.` keys). */
export interface EncodedProfileState {
  maxTs: number | null;
  events: number;
  services: Array<[Service, EncodedServiceState]>;
}

interface EncodedServiceState {
  events: number;
  orders: number;
  /** Absent in states written before orders were counted by id. */
  orderIds?: string[];
  firstTs: number;
  lastTs: number;
  shortItems: Array<[string, Array<[number, number]>]>;
  longItems: Array<[string, Array<[number, number]>]>;
  searches: Array<[string, Array<[number, number]>]>;
  itemOrders: Array<[string, number]>;
  orderTimes: Array<[string, number[]]>;
  paid: Array<[string, [number, number]]>;
}

function encodeBuckets(map: Map<string, Buckets>): Array<[string, Array<[number, number]>]> {
  return [...map].map(([key, buckets]) => [key, [...buckets]]);
}

function decodeBuckets(entries: Array<[string, Array<[number, number]>]>): Map<string, Buckets> {
  return new Map(entries.map(([key, buckets]) => [key, new Map(buckets)]));
}

function encodeService(state: ServiceState): EncodedServiceState {
  return {
    events: state.events,
    orders: state.orders,
    orderIds: [...state.orderIds],
    firstTs: state.firstTs,
    lastTs: state.lastTs,
    shortItems: encodeBuckets(state.shortItems),
    longItems: encodeBuckets(state.longItems),
    searches: encodeBuckets(state.searches),
    itemOrders: [...state.itemOrders],
    orderTimes: [...state.orderTimes],
    paid: [...state.paid],
  };
}

function decodeService(encoded: EncodedServiceState): ServiceState {
  return {
    ...emptyServiceState(),
    events: encoded.events,
    orders: encoded.orders,
    orderIds: new Set(encoded.orderIds ?? []),
    firstTs: encoded.firstTs,
    lastTs: encoded.lastTs,
    shortItems: decodeBuckets(encoded.shortItems),
    longItems: decodeBuckets(encoded.longItems),
    searches: decodeBuckets(encoded.searches),
    itemOrders: new Map(encoded.itemOrders),
    orderTimes: new Map(encoded.orderTimes.map(([key, times]) => [key, [...times]])),
    paid: new Map(encoded.paid.map(([key, pair]) => [key, [pair[0], pair[1]]])),
  };
}

/** Encodes the accumulators for a document store or a JSON snapshot. */
export function encodeProfileState(state: ProfileState): EncodedProfileState {
  return {
    maxTs: Number.isFinite(state.maxTs) ? state.maxTs : null,
    events: state.events,
    services: [...state.services].map(([service, s]) => [service, encodeService(s)]),
  };
}

/** The inverse of {@link encodeProfileState}. */
export function decodeProfileState(encoded: EncodedProfileState): ProfileState {
  return {
    maxTs: encoded.maxTs ?? Number.NEGATIVE_INFINITY,
    events: encoded.events,
    services: new Map(encoded.services.map(([service, s]) => [service, decodeService(s)])),
  };
}
