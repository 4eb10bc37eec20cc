import type { ShopEvent } from '../events/shop-event.ts';
import type { Service } from '../reply.ts';

/** The outcome of appending one event. */
export type AppendOutcome = 'accepted' | 'duplicate';

/** Filters for a shopper's events. */
export interface EventQuery {
  service?: Service;
  /** Inclusive lower bound on `ts`. */
  from?: Date;
  /** Exclusive upper bound on `ts`. */
  to?: Date;
  /** At most this many events (default all). */
  limit?: number;
}

/**
 * The raw event log: the source of truth profiles are built from. Event ids are unique across the whole
 * store; appending an id seen before is a duplicate and changes nothing.
 */
export interface EventStore {
  /** Appends events; one outcome per input, in order. Repeats inside the same batch are duplicates too. */
  appendMany(events: readonly ShopEvent[]): Promise<AppendOutcome[]>;
  /** A shopper's events ordered by `ts` then `id`. */
  listByUser(userId: string, query?: EventQuery): Promise<ShopEvent[]>;
  /** Whether an event id was stored. */
  has(id: string): Promise<boolean>;
  /** Removes events by id (compensation when a later step fails); returns how many existed. */
  deleteByIds(ids: readonly string[]): Promise<number>;
  /** Removes every event of a shopper; returns how many existed. */
  deleteByUser(userId: string): Promise<number>;
  count(): Promise<number>;
  close(): Promise<void>;
}
