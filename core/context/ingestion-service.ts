import { shopEventSchema, type ShopEvent } from '../events/shop-event.ts';
import { SovetnikError, ValidationError } from '../errors.ts';
import { createTimeSlicer } from '../time-slicer.ts';
import type { EventStore } from '../stores/event-store.ts';
import type { EventQueue } from './event-queue.ts';
import { identityMapper, type ShopperIdMapper } from './pseudonymizer.ts';

/** The answer to one batch: `POST /api/v1/events` returns it as is. */
export interface IngestResult {
  accepted: number;
  duplicates: number;
  rejected: Array<{ index: number; error: string }>;
}

/** Options for {@link IngestionService}. */
export interface IngestionServiceOptions {
  events: EventStore;
  queue: EventQueue;
  /** Pseudonymises `userId` at the boundary (default: ids kept as they are). */
  shopperIds?: ShopperIdMapper;
  /** The largest batch (default 10,000 events). */
  maxBatch?: number;
}

/** The largest batch accepted by default. */
export const DEFAULT_MAX_EVENT_BATCH = 10_000;

/** Raised when a batch is bigger than allowed. */
export class BatchTooLargeError extends SovetnikError {
  constructor(readonly size: number, readonly limit: number) {
    super('payload_too_large', `a batch may hold at most ${limit} events; got ${size}`);
  }
}

/** One readable reason for the first problem of an invalid event. */
export function describeIssue(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): string {
  const issue = issues[0];
  if (!issue) return 'invalid event';
  const path = issue.path.map(String).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}

/**
 * Validates event batches, stores new events once and hands them to the queue. A bad event is rejected alone
 * (with its index and reason); valid events of the same batch are kept; an id seen before is a duplicate and
 * is never published again. If publishing fails, the batch's new events are removed again, so a retry of the
 * same batch is accepted rather than taken for duplicates.
 */
export class IngestionService {
  readonly #events: EventStore;
  readonly #queue: EventQueue;
  readonly #shopperIds: ShopperIdMapper;
  readonly #maxBatch: number;

  constructor(options: IngestionServiceOptions) {
    this.#events = options.events;
    this.#queue = options.queue;
    this.#shopperIds = options.shopperIds ?? identityMapper;
    this.#maxBatch = options.maxBatch ?? DEFAULT_MAX_EVENT_BATCH;
  }

  /** The largest batch this service accepts. */
  get maxBatch(): number {
    return this.#maxBatch;
  }

  async ingest(batch: unknown): Promise<IngestResult> {
    if (!Array.isArray(batch)) throw new ValidationError('events must be an array');
    if (batch.length > this.#maxBatch) throw new BatchTooLargeError(batch.length, this.#maxBatch);
    const rejected: IngestResult['rejected'] = [];
    const valid: ShopEvent[] = [];
    // A full batch takes tens of milliseconds to validate: other requests are served in between.
    const slicer = createTimeSlicer();
    for (let index = 0; index < batch.length; index += 1) {
      const parsed = shopEventSchema.safeParse(batch[index]);
      if (parsed.success) valid.push({ ...parsed.data, userId: this.#shopperIds(parsed.data.userId) });
      else rejected.push({ index, error: describeIssue(parsed.error.issues) });
      if (slicer.due()) await slicer.pause();
    }
    const outcomes = await this.#events.appendMany(valid);
    const accepted = valid.filter((_, i) => outcomes[i] === 'accepted');
    if (accepted.length > 0) {
      try {
        await this.#queue.publish(accepted);
      } catch (error) {
        await this.#events.deleteByIds(accepted.map((e) => e.id)).catch(() => 0);
        throw error;
      }
    }
    return { accepted: accepted.length, duplicates: valid.length - accepted.length, rejected };
  }
}
