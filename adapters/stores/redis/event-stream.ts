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

/**
 * Publishes events to a Redis Stream, one entry per event, pipelined. `publish` resolves when Redis has every
 * entry; consumer groups ({@link RedisEventStreamConsumer}) apply them to profiles.
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

  /** The connection belongs to the caller. */
  async close(): Promise<void> {}
}
