import { MongoBulkWriteError, type Collection, type Db, type Filter } from 'mongodb';
import type { ShopEvent } from '../../../core/events/shop-event.ts';
import type { AppendOutcome, EventQuery, EventStore } from '../../../core/stores/event-store.ts';
import { collectionName, isDuplicateKey } from './mongo-indexes.ts';

/** An event as stored: `_id` is the event id, so the unique index does the deduplication. */
export interface EventDocument {
  _id: string;
  userId: string;
  service: ShopEvent['service'];
  ts: Date;
  event: ShopEvent;
}

/** Options for {@link MongoEventStore}. */
export interface MongoEventStoreOptions {
  db: Db;
  collectionPrefix?: string;
}

/** The MongoDB filter of a shopper's events. */
export function eventFilter(userId: string, query: EventQuery = {}): Filter<EventDocument> {
  const filter: Filter<EventDocument> = { userId };
  if (query.service) filter.service = query.service;
  if (query.from || query.to) {
    filter.ts = {};
    if (query.from) filter.ts.$gte = query.from;
    if (query.to) filter.ts.$lt = query.to;
  }
  return filter;
}

/** The event log on MongoDB: unordered bulk inserts; duplicate-key errors mark duplicates. */
export class MongoEventStore implements EventStore {
  readonly #collection: Collection<EventDocument>;

  constructor(options: MongoEventStoreOptions) {
    this.#collection = options.db.collection<EventDocument>(collectionName('events', options.collectionPrefix));
  }

  async appendMany(events: readonly ShopEvent[]): Promise<AppendOutcome[]> {
    const outcomes: AppendOutcome[] = events.map(() => 'accepted');
    if (events.length === 0) return outcomes;
    const docs = events.map((event) => ({ _id: event.id, userId: event.userId, service: event.service, ts: new Date(event.ts), event }));
    try {
      await this.#collection.insertMany(docs, { ordered: false });
    } catch (error) {
      if (!(error instanceof MongoBulkWriteError)) throw error;
      const writeErrors = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
      for (const writeError of writeErrors) {
        if (!isDuplicateKey(writeError)) throw error;
        outcomes[writeError.index] = 'duplicate';
      }
    }
    return outcomes;
  }

  async listByUser(userId: string, query: EventQuery = {}): Promise<ShopEvent[]> {
    let cursor = this.#collection.find(eventFilter(userId, query)).sort({ ts: 1, _id: 1 });
    if (query.limit !== undefined) cursor = cursor.limit(query.limit);
    return (await cursor.toArray()).map((doc) => doc.event);
  }

  async has(id: string): Promise<boolean> {
    return (await this.#collection.countDocuments({ _id: id }, { limit: 1 })) > 0;
  }

  async deleteByIds(ids: readonly string[]): Promise<number> {
    if (ids.length === 0) return 0;
    return (await this.#collection.deleteMany({ _id: { $in: [...ids] } })).deletedCount;
  }

  async deleteByUser(userId: string): Promise<number> {
    return (await this.#collection.deleteMany({ userId })).deletedCount;
  }

  async count(): Promise<number> {
    return this.#collection.estimatedDocumentCount();
  }

  async close(): Promise<void> {}
}
