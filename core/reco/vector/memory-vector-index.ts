import { ValidationError } from '../../errors.ts';
import type { InvertedFile, TrainingSource } from './inverted-file.ts';
import { trainInvertedFile } from './inverted-file.ts';
import type { VectorIndex, VectorMatch, VectorQuery, VectorRecord } from './vector-index.ts';
import { compileFilter } from './vector-index.ts';
import { normalizedRows, RecordSlots } from './record-slots.ts';
import { dot, normalized, TopK } from './vector-math.ts';

/** Options of the in-process vector index. */
export interface MemoryVectorIndexOptions {
  dimensions: number;
  /**
   * At and above this many vectors, once {@link MemoryVectorIndex.train} has built it, queries use the
   * inverted-file ANN; below (and until then), an exact scan. Default 5,000.
   */
  annThreshold?: number;
  /** Inverted lists probed at least (more when filters leave too few hits). Default 8. */
  probes?: number;
  /** Rows sampled to train the coarse quantizer. Default 6,000. */
  trainingSample?: number;
  seed?: number;
  /**
   * Train by itself, `trainingDelayMs` after an upsert leaves the index untrained at or above `annThreshold` or
   * doubled since the last training (in slices, like {@link MemoryVectorIndex.train}). Default true.
   */
  autoTrain?: boolean;
  /** Default 1,000: a bulk load in progress usually ends first, so it is trained once. */
  trainingDelayMs?: number;
  /** Training work done per event-loop turn before yielding to queries and I/O. Default 8 ms. */
  trainingSliceMs?: number;
}

/** A training in progress: the slots upserted since it started, and its end. */
interface Training {
  changed: number[];
  done: Promise<void>;
}

/**
 * The embedded vector index: vectors in one Float32 buffer, an exact scan for small sets and an inverted-file
 * index (k-means coarse quantizer over √n lists, each list's vectors stored contiguously, probing the lists
 * nearest the query) above `annThreshold`. Filters are applied during the scan, and probing continues until
 * `topK` filtered hits are found, so a selective filter never returns fewer results than exist.
 *
 * A query never trains: training (seconds of CPU at 50,000 vectors) runs in slices between event-loop turns,
 * started by {@link train} (called after bulk loads) or by itself after upserts (`autoTrain`). Until the first
 * training ends queries use the exact scan; while a retraining runs they use the previous inverted file.
 */
export class MemoryVectorIndex implements VectorIndex {
  readonly dimensions: number;
  private data: Float32Array;
  private readonly records = new RecordSlots();
  private ivf: InvertedFile | undefined;
  private training: Training | undefined;
  private scheduled: ReturnType<typeof setTimeout> | undefined;
  private closed = false;
  private completedTrainings = 0;
  private readonly options: Required<MemoryVectorIndexOptions>;

  constructor(options: MemoryVectorIndexOptions) {
    if (!Number.isInteger(options.dimensions) || options.dimensions <= 0) {
      throw new ValidationError('dimensions must be a positive integer');
    }
    this.options = { annThreshold: 5000, probes: 8, trainingSample: 6000, seed: 1, autoTrain: true,
      trainingDelayMs: 1000, trainingSliceMs: 8, ...options };
    this.dimensions = options.dimensions;
    this.data = new Float32Array(1024 * this.dimensions);
  }

  /** Whether queries at the current size use the inverted file (trained, and at or above `annThreshold`). */
  get annReady(): boolean {
    return this.ivf !== undefined && this.records.size >= this.options.annThreshold;
  }

  /** Whether a training is running now. */
  get trainingInProgress(): boolean {
    return this.training !== undefined;
  }

  /** How many trainings have completed (each swapped in a new inverted file). */
  get trainings(): number {
    return this.completedTrainings;
  }

  async upsert(records: readonly VectorRecord[]): Promise<void> {
    this.upsertSync(records);
  }

  /** Synchronous upsert (the in-process index never waits). */
  upsertSync(records: readonly VectorRecord[]): void {
    const rows = normalizedRows(records, this.dimensions);
    records.forEach((record, r) => {
      const { slot } = this.records.claim(record.id, record.metadata);
      this.ensureCapacity(slot + 1);
      this.data.set(rows[r]!, slot * this.dimensions);
      this.ivf?.assign(this.data, slot);
      this.training?.changed.push(slot);
    });
    this.scheduleTraining();
  }

  async query(vector: Float32Array | readonly number[], query: VectorQuery): Promise<VectorMatch[]> {
    return this.querySync(vector, query);
  }

  /** Synchronous query (used on the recommender's hot path and in benchmarks). Never trains. */
  querySync(vector: Float32Array | readonly number[], query: VectorQuery): VectorMatch[] {
    const q = normalized(vector, this.dimensions);
    const k = Math.floor(query.topK);
    if (!(k > 0)) return [];
    const top = new TopK<number>(k);
    const accept = compileFilter(query.filter);
    const { metadata: metadataOf, ids } = this.records;
    const ivf = this.annReady ? this.ivf : undefined;
    if (ivf) ivf.search(q, accept, top, this.options.probes, metadataOf);
    else {
      let threshold = -Infinity; // a local: the getter would box a double per row
      for (let slot = 0; slot < this.records.extent; slot += 1) {
        const metadata = metadataOf[slot];
        if (metadata === undefined) continue;
        // Score first, filter only what would enter the top k: most rows never touch their metadata.
        const score = dot(q, this.data, slot * this.dimensions);
        if (score > threshold && accept(metadata)) { top.push(score, slot); threshold = top.threshold; }
      }
    }
    // Stored metadata is the index's own copy and is handed out without copying (no garbage on the hot path);
    // callers treat it as read-only.
    const winners = top.sorted();
    if (ivf) {
      // The scan's float32 sums chose the winners; their reported scores are the exact (double) dot products.
      for (const winner of winners) winner.score = dot(q, this.data, winner.value * this.dimensions);
      winners.sort((a, b) => b.score - a.score);
    }
    return winners.map(({ score, value }) => ({ id: ids[value]!, score, metadata: metadataOf[value]! }));
  }

  /**
   * Trains the inverted file when the index needs it (untrained at or above `annThreshold`, or doubled since the
   * last training), in slices of `trainingSliceMs` with the event loop served in between; queries keep answering
   * meanwhile. Resolves once the index is trained for its size (joining a training already running), or closed.
   */
  async train(): Promise<void> {
    this.cancelScheduledTraining();
    while (!this.closed && this.needsTraining()) {
      this.training ??= this.startTraining();
      await this.training.done;
    }
  }

  async fetch(ids: readonly string[]): Promise<VectorRecord[]> {
    const d = this.dimensions;
    return this.records.fetch(ids, (slot) => this.data.slice(slot * d, (slot + 1) * d));
  }

  async delete(ids: readonly string[]): Promise<void> {
    for (const id of ids) this.records.remove(id);
  }

  async deleteByShopper(shopperId: string): Promise<void> {
    for (const id of this.records.idsOfShopper(shopperId)) this.records.remove(id);
  }

  async count(): Promise<number> {
    return this.records.size;
  }

  /** Stops any scheduled or running training (a running one is abandoned at its next slice). */
  async close(): Promise<void> {
    this.closed = true;
    this.cancelScheduledTraining();
  }

  private needsTraining(): boolean {
    const live = this.records.size;
    return live >= this.options.annThreshold && (!this.ivf || live > 2 * this.ivf.trainedAt);
  }

  private scheduleTraining(): void {
    if (!this.options.autoTrain || this.closed || this.training || this.scheduled || !this.needsTraining()) return;
    this.scheduled = setTimeout(() => {
      this.scheduled = undefined;
      // A failed training leaves queries on their current path (exact or the previous file); the next explicit
      // train() retries and reports the error.
      this.train().catch(() => undefined);
    }, this.options.trainingDelayMs);
    // A pending training must not keep a finished process (a CLI, a test worker) alive.
    (this.scheduled as { unref?: () => void }).unref?.();
  }

  private cancelScheduledTraining(): void {
    if (this.scheduled !== undefined) clearTimeout(this.scheduled);
    this.scheduled = undefined;
  }

  private startTraining(): Training {
    const source: TrainingSource = { dimensions: this.dimensions, vectors: () => this.data,
      slots: [...this.records.slots()], extent: this.records.extent, changed: [] };
    const training: Training = { changed: source.changed, done: Promise.resolve() };
    training.done = this.runInSlices(this.swapWhenTrained(source, training))
      .finally(() => { if (this.training === training) this.training = undefined; });
    return training;
  }

  /** Training, then the swap in the same synchronous step as its last look at the changed slots. */
  private *swapWhenTrained(source: TrainingSource, training: Training): Generator<void, void> {
    const file = yield* trainInvertedFile(source, this.options);
    this.ivf = file;
    if (this.training === training) this.training = undefined;
    this.completedTrainings += 1;
  }

  private async runInSlices(steps: Generator<void, void>): Promise<void> {
    for (;;) {
      const end = performance.now() + this.options.trainingSliceMs;
      do {
        if (steps.next().done) return;
      } while (performance.now() < end);
      await nextTurn();
      if (this.closed) return;
    }
  }

  private ensureCapacity(slots: number): void {
    if (slots * this.dimensions <= this.data.length) return;
    const grown = new Float32Array(Math.max(slots, (this.data.length / this.dimensions) * 2) * this.dimensions);
    grown.set(this.data);
    this.data = grown;
  }
}

/** The next turn of the event loop, after pending I/O callbacks (setImmediate where the runtime has it). */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof setImmediate === 'function') setImmediate(resolve);
    else setTimeout(resolve, 0);
  });
}
