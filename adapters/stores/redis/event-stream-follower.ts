import type { Redis } from 'ioredis';
import type { ShopEvent } from '../../../core/events/shop-event.ts';
import { silentLogger, type Logger } from '../../../core/logger.ts';
import { PollLoop } from './poll-loop.ts';
import { compareStreamIds, decodeEntry, entriesOf, type StreamReadReply } from './stream-entries.ts';

/** Options for {@link RedisEventStreamFollower}. */
export interface RedisEventStreamFollowerOptions {
  /** A connection of its own: XREAD BLOCK holds it while waiting. */
  client: Redis;
  stream: string;
  /** Receives every event of the stream once, in stream order. */
  onEvents: (events: ShopEvent[]) => unknown;
  /** Receives every erasure notice, in stream order with the events. */
  onErase?: (shopperId: string) => unknown;
  /** The id after which to start (default `0-0`: the whole stream, which rebuilds the state after a restart). */
  from?: string;
  /** Entries read per call (default 1,000). */
  batchSize?: number;
  /** How long a read waits for new entries (default 1,000 ms). */
  blockMs?: number;
  logger?: Logger;
}

/** Counters of one follower. */
export interface FollowerStats {
  observed: number;
  erasures: number;
  /** Unreadable entries (the consumer group dead-letters them). */
  skipped: number;
  failures: number;
}

/**
 * Reads the whole event stream with plain XREAD from its own last id, outside any consumer group, so that every
 * worker's in-process models (the recommender's popularity, co-purchases, neighbours) see every event, while the
 * consumer group ({@link RedisEventStreamConsumer}) still does the once-only work. Nothing is acknowledged: the
 * position lives in this process, and a new process starts from `from` (the stream's beginning by default).
 * A handler failure is logged and the entry is not retried (in-process statistics are best effort).
 */
export class RedisEventStreamFollower {
  readonly stats: FollowerStats = { observed: 0, erasures: 0, skipped: 0, failures: 0 };
  readonly #o: Required<Omit<RedisEventStreamFollowerOptions, 'onErase' | 'logger'>> & Pick<RedisEventStreamFollowerOptions, 'onErase'> & { logger: Logger };
  #lastId: string;
  readonly #loop: PollLoop;

  constructor(options: RedisEventStreamFollowerOptions) {
    this.#o = { from: '0-0', batchSize: 1_000, blockMs: 1_000, logger: silentLogger, ...options };
    this.#lastId = this.#o.from;
    this.#loop = new PollLoop({
      step: () => this.poll(),
      onError: (error) => {
        this.stats.failures += 1;
        this.#o.logger.warn({ err: error }, 'event stream follower read failed');
      },
    });
  }

  /** The id of the last entry handled. */
  get lastId(): string {
    return this.#lastId;
  }

  /** Starts the read loop in the background (retrying while Redis is down). */
  start(): void {
    this.#loop.start();
  }

  /** Stops after the current read. */
  async stop(): Promise<void> {
    await this.#loop.stop();
  }

  /** Reads and handles the next entries; returns how many were read. */
  async poll(options: { block?: boolean } = {}): Promise<number> {
    const block = options.block ?? true;
    const reply = (await this.#o.client.call(
      'XREAD', 'COUNT', this.#o.batchSize, ...(block ? ['BLOCK', this.#o.blockMs] : []), 'STREAMS', this.#o.stream, this.#lastId,
    )) as StreamReadReply;
    const entries = entriesOf(reply);
    let events: ShopEvent[] = [];
    // Events are handed over in runs between erasure notices, so a notice applies exactly at its place.
    for (const entry of entries) {
      const decoded = decodeEntry(entry);
      if (decoded.event) events.push(decoded.event);
      else if (decoded.erase !== undefined) {
        await this.#deliver(events);
        events = [];
        await this.#erase(decoded.erase);
      } else this.stats.skipped += 1;
    }
    await this.#deliver(events);
    const last = entries[entries.length - 1];
    if (last) this.#lastId = last[0];
    return entries.length;
  }

  /**
   * Whether every entry in the stream now has been handled. Pass a connection that is not blocked in this
   * follower's read (the default, its own, answers only after the current read returns).
   */
  async caughtUp(client: Redis = this.#o.client): Promise<boolean> {
    const [newest] = await client.xrevrange(this.#o.stream, '+', '-', 'COUNT', 1);
    return !newest || compareStreamIds(newest[0], this.#lastId) <= 0;
  }

  async #deliver(events: ShopEvent[]): Promise<void> {
    if (events.length === 0) return;
    try {
      await this.#o.onEvents(events);
      this.stats.observed += events.length;
    } catch (error) {
      this.stats.failures += 1;
      this.#o.logger.error({ err: error, events: events.length }, 'event stream follower handler failed');
    }
  }

  async #erase(shopperId: string): Promise<void> {
    try {
      await this.#o.onErase?.(shopperId);
      this.stats.erasures += 1;
    } catch (error) {
      this.stats.failures += 1;
      this.#o.logger.error({ err: error }, 'event stream follower erasure failed');
    }
  }

}
