import type { Collection, Db, Filter } from 'mongodb';
import type { ChannelName } from '../../../core/activity.ts';
import {
  DEFAULT_CONVERSATION_RETENTION_DAYS,
  type ConversationLogQuery,
  type ConversationLogStore,
  type ConversationTurn,
} from '../../../core/stores/conversation-log-store.ts';
import { collectionName } from './mongo-indexes.ts';

interface TurnDocument {
  shopperId: string;
  conversationId: string;
  channel: ChannelName;
  role: 'user' | 'assistant';
  text: string;
  at: Date;
  /** The TTL index removes the turn after this time. */
  expiresAt: Date;
}

/** Options for {@link MongoConversationLogStore}. */
export interface MongoConversationLogStoreOptions {
  db: Db;
  collectionPrefix?: string;
  /** Days a turn is kept (default 90). */
  retentionDays?: number;
  now?: () => number;
}

/** The filter of a shopper's live turns at `now`. */
export function turnFilter(shopperId: string, query: ConversationLogQuery, now: Date): Filter<TurnDocument> {
  const filter: Filter<TurnDocument> = { shopperId, expiresAt: { $gt: now } };
  if (query.conversationId) filter.conversationId = query.conversationId;
  if (query.since) filter.at = { $gte: query.since };
  return filter;
}

/** The conversation log on MongoDB; a TTL index on `expiresAt` enforces the retention. */
export class MongoConversationLogStore implements ConversationLogStore {
  readonly #collection: Collection<TurnDocument>;
  readonly #retentionMs: number;
  readonly #now: () => number;

  constructor(options: MongoConversationLogStoreOptions) {
    this.#collection = options.db.collection<TurnDocument>(collectionName('conversationLog', options.collectionPrefix));
    this.#retentionMs = (options.retentionDays ?? DEFAULT_CONVERSATION_RETENTION_DAYS) * 86_400_000;
    this.#now = options.now ?? Date.now;
  }

  async append(turns: readonly ConversationTurn[]): Promise<void> {
    if (turns.length === 0) return;
    await this.#collection.insertMany(
      turns.map((t) => {
        const at = new Date(t.at);
        return { ...t, at, expiresAt: new Date(at.getTime() + this.#retentionMs) };
      }),
      { ordered: true },
    );
  }

  async listByShopper(shopperId: string, query: ConversationLogQuery = {}): Promise<ConversationTurn[]> {
    const filter = turnFilter(shopperId, query, new Date(this.#now()));
    let cursor = this.#collection.find(filter).sort({ at: -1, _id: -1 });
    if (query.limit !== undefined) cursor = cursor.limit(query.limit);
    const docs = (await cursor.toArray()).reverse();
    return docs.map((d) => ({ shopperId: d.shopperId, conversationId: d.conversationId, channel: d.channel, role: d.role, text: d.text, at: d.at.toISOString() }));
  }

  async deleteByShopper(shopperId: string): Promise<number> {
    return (await this.#collection.deleteMany({ shopperId })).deletedCount;
  }

  async purgeExpired(): Promise<number> {
    return (await this.#collection.deleteMany({ expiresAt: { $lte: new Date(this.#now()) } })).deletedCount;
  }

  async close(): Promise<void> {}
}
