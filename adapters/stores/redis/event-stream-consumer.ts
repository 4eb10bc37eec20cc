import type { Redis } from 'ioredis';
import type { ShopEvent } from '../../../core/events/shop-event.ts';
import { silentLogger, type Logger } from '../../../core/logger.ts';
import { EVENT_FIELD } from './event-stream.ts';
import { PollLoop } from './poll-loop.ts';
import { decodeEntry, entriesOf, type DecodedEntry, type StreamEntry as Entry, type StreamReadReply as ReadReply } from './stream-entries.ts';

/** Options for {@link RedisEventStreamConsumer}. */
export interface RedisEventStreamConsumerOptions {
  /** A connection of its own: XREADGROUP BLOCK holds it while waiting. */
  client: Redis;
  stream: string;
  group: string;
  /** Unique per worker process, e.g. host and pid. */
  consumer: string;
  /** Applies events; must be idempotent (the profile builder skips event ids it already applied). */
  handler: (events: ShopEvent[]) => Promise<unknown>;
  /** Entries read per call (default 500). */
  batchSize?: number;
  /** How long a read waits for new entries (default 1,000 ms). */
  blockMs?: number;
  /** Entries pending this long on any consumer are taken over (default 30,000 ms). */
  claimIdleMs?: number;
  /** Deliveries before an entry goes to the dead-letter stream (default 5). */
  maxAttempts?: number;
  /** Where entries that keep failing go (default `<stream>:dead`). */
  deadLetterStream?: string;
  logger?: Logger;
}

/** Counters of one consumer. */
export interface ConsumerStats {
  applied: number;
  reclaimed: number;
  deadLettered: number;
  failures: number;
}

/**
 * A worker of a Redis Streams consumer group: reads new entries with XREADGROUP, takes over entries left
 * pending by dead workers with XAUTOCLAIM, acknowledges with XACK only after the handler succeeded
 * (at-least-once), and moves entries that failed `maxAttempts` deliveries to a dead-letter stream.
 * When a batch fails, its events are retried one by one, so one bad event does not hold back the others.
 */
export class RedisEventStreamConsumer {
  readonly stats: ConsumerStats = { applied: 0, reclaimed: 0, deadLettered: 0, failures: 0 };
  readonly #o: Required<Omit<RedisEventStreamConsumerOptions, 'logger'>> & { logger: Logger };
  readonly #loop: PollLoop;
  #lastClaim = 0;

  constructor(options: RedisEventStreamConsumerOptions) {
    this.#o = {
      batchSize: 500,
      blockMs: 1_000,
      claimIdleMs: 30_000,
      maxAttempts: 5,
      deadLetterStream: `${options.stream}:dead`,
      logger: silentLogger,
      ...options,
    };
    // Redis may be down at start-up: the group is created as soon as it answers, rather than failing the process.
    this.#loop = new PollLoop({
      prepare: () => this.ensureGroup(),
      step: () => this.poll(),
      onError: (error, phase) => {
        this.stats.failures += 1;
        if (phase === 'prepare') this.#o.logger.warn({ err: error }, 'cannot create the event stream consumer group yet');
        else this.#o.logger.error({ err: error }, 'event stream poll failed');
      },
    });
  }

  /** Creates the group (reading from the start of the stream) unless it exists. */
  async ensureGroup(): Promise<void> {
    try {
      await this.#o.client.xgroup('CREATE', this.#o.stream, this.#o.group, '0', 'MKSTREAM');
    } catch (error) {
      if (!String((error as Error).message).includes('BUSYGROUP')) throw error;
    }
  }

  /** Starts the read loop in the background (creating the group first, retrying while Redis is down). */
  start(): void {
    this.#loop.start();
  }

  /** Stops after the current read; pending work of this worker stays pending for others. */
  async stop(): Promise<void> {
    await this.#loop.stop();
  }

  /** One step: take over idle entries when it is time, then read new ones. Returns how many entries were handled. */
  async poll(options: { block?: boolean } = {}): Promise<number> {
    let handled = 0;
    if (Date.now() - this.#lastClaim >= Math.min(this.#o.claimIdleMs, 5_000)) {
      this.#lastClaim = Date.now();
      handled += await this.reclaim();
    }
    const block = options.block ?? true;
    const reply = (await this.#o.client.call(
      'XREADGROUP', 'GROUP', this.#o.group, this.#o.consumer, 'COUNT', this.#o.batchSize,
      ...(block ? ['BLOCK', this.#o.blockMs] : []), 'STREAMS', this.#o.stream, '>',
    )) as ReadReply;
    const entries = entriesOf(reply);
    await this.#handle(entries, new Map());
    return handled + entries.length;
  }

  /** Takes over entries idle longer than `claimIdleMs` on any consumer (a dead worker's), and handles them. */
  async reclaim(): Promise<number> {
    let cursor = '0-0';
    let total = 0;
    do {
      const [next, entries] = (await this.#o.client.xautoclaim(
        this.#o.stream, this.#o.group, this.#o.consumer, this.#o.claimIdleMs, cursor, 'COUNT', this.#o.batchSize,
      )) as [string, Entry[]];
      cursor = next;
      const live = entries.filter((entry) => entry && entry[1]);
      if (live.length > 0) {
        this.stats.reclaimed += live.length;
        await this.#handle(live, await this.#deliveries(live));
      }
      total += live.length;
    } while (cursor !== '0-0' && !this.#loop.stopping);
    return total;
  }


  /** How often each claimed entry was delivered. */
  async #deliveries(entries: Entry[]): Promise<Map<string, number>> {
    const ids = entries.map(([id]) => id);
    const pending = (await this.#o.client.xpending(
      this.#o.stream, this.#o.group, ids[0]!, ids[ids.length - 1]!, ids.length * 2, this.#o.consumer,
    )) as Array<[string, string, number, number]>;
    return new Map(pending.map(([id, , , count]) => [id, Number(count)]));
  }

  async #handle(entries: Entry[], deliveries: Map<string, number>): Promise<void> {
    if (entries.length === 0) return;
    const decoded = entries.map(decodeEntry);
    // Erasure notices are for every worker's in-process state (RedisEventStreamFollower); the group has no work.
    const notices = decoded.filter((d) => d.erase !== undefined);
    if (notices.length > 0) await this.#ack(notices.map((d) => d.id));
    const dead = decoded.filter((d) => d.error || (d.event && (deliveries.get(d.id) ?? 1) > this.#o.maxAttempts));
    for (const d of dead) await this.#deadLetter(d, entries, d.error ?? `failed ${this.#o.maxAttempts} times`);
    const live = decoded.filter((d) => d.event && !dead.includes(d)) as Array<Required<Pick<DecodedEntry, 'id' | 'event'>>>;
    if (live.length === 0) return;
    try {
      await this.#o.handler(live.map((d) => d.event));
      await this.#ack(live.map((d) => d.id));
      this.stats.applied += live.length;
    } catch (error) {
      this.stats.failures += 1;
      this.#o.logger.warn({ err: error, entries: live.length }, 'event batch failed; retrying one by one');
      for (const d of live) {
        try {
          await this.#o.handler([d.event]);
          await this.#ack([d.id]);
          this.stats.applied += 1;
        } catch {
          // Left pending: another delivery comes after claimIdleMs, the dead-letter stream after maxAttempts.
        }
      }
    }
  }

  async #deadLetter(d: DecodedEntry, entries: Entry[], reason: string): Promise<void> {
    const fields = entries.find(([id]) => id === d.id)?.[1] ?? [];
    const payload = fields[fields.indexOf(EVENT_FIELD) + 1] ?? '';
    await this.#o.client
      .multi()
      .xadd(this.#o.deadLetterStream, '*', 'id', d.id, 'reason', reason, EVENT_FIELD, payload)
      .xack(this.#o.stream, this.#o.group, d.id)
      .exec();
    this.stats.deadLettered += 1;
    this.#o.logger.warn({ entry: d.id, reason }, 'event moved to the dead-letter stream');
  }

  async #ack(ids: string[]): Promise<void> {
    if (ids.length > 0) await this.#o.client.xack(this.#o.stream, this.#o.group, ...ids);
  }
}
