import type { Redis } from 'ioredis';
import type { EventQueue } from '../../../core/context/event-queue.ts';
import { UnavailableError } from '../../../core/errors.ts';
import type { ShopEvent } from '../../../core/events/shop-event.ts';

/** Options for {@link RedisEventStream}. */
export interface RedisEventStreamOptions {
  client: Redis;
  /** The stream key, e.g. `sovetnik:events`. */
  stream: string;
  /** Approximate length the stream is trimmed to (default 1,000,000 entries). */
  maxLength?: number;
  /** Entries sent per round trip (default 1,000). */
  chunkSize?: number;
}

/** The field of a stream entry that holds the event JSON. */
export const EVENT_FIELD = 'e';
/** The field of an erasure notice: the erased shopper's id (see {@link RedisEventStream.publishErasure}). */
export const ERASE_FIELD = 'erase';

/**
 * Publishes events to a Redis Stream, one entry per event, pipelined. `publish` resolves when Redis has every
 * entry; consumer groups ({@link RedisEventStreamConsumer}) apply them to profiles, and every worker's
 * {@link RedisEventStreamFollower} feeds them to its in-process models.
 */
export class RedisEventStream implements EventQueue {
  readonly #client: Redis;
  readonly #stream: string;
  readonly #maxLength: number;
  readonly #chunkSize: number;

  constructor(options: RedisEventStreamOptions) {
    this.#client = options.client;
    this.#stream = options.stream;
    this.#maxLength = options.maxLength ?? 1_000_000;
    this.#chunkSize = options.chunkSize ?? 1_000;
  }

  async publish(events: readonly ShopEvent[]): Promise<void> {
    for (let start = 0; start < events.length; start += this.#chunkSize) {
      const pipeline = this.#client.pipeline();
      for (const event of events.slice(start, start + this.#chunkSize)) {
        pipeline.xadd(this.#stream, 'MAXLEN', '~', this.#maxLength, '*', EVENT_FIELD, JSON.stringify(event));
      }
      let results: Array<[Error | null, unknown]>;
      try {
        results = (await pipeline.exec()) ?? [];
      } catch (error) {
        throw new UnavailableError('the event stream (Redis)', { cause: error });
      }
      const failed = results.find(([error]) => error);
      if (failed) throw new UnavailableError('the event stream (Redis)', { cause: failed[0] });
    }
  }

  /**
   * Appends an erasure notice: every worker's follower makes its in-process models forget the shopper when it
   * reaches the notice, so events before it (replayed after a restart) stay forgotten and later ones count.
   */
  async publishErasure(shopperId: string): Promise<void> {
    try {
      await this.#client.xadd(this.#stream, 'MAXLEN', '~', this.#maxLength, '*', ERASE_FIELD, shopperId);
    } catch (error) {
      throw new UnavailableError('the event stream (Redis)', { cause: error });
    }
  }

  /** The connection belongs to the caller. */
  async close(): Promise<void> {}
}
