import { createRandom } from '../random.ts';
import type { Codebook } from './kmeans.ts';
import { kmeansSteps, nearestCentroid } from './kmeans.ts';
import type { VectorMetadata } from './vector-index.ts';
import { VectorArena } from './vector-arena.ts';
import type { TopK } from './vector-math.ts';

/** Slots assigned to their lists between two yields of {@link trainInvertedFile} (a few milliseconds). */
const SLOTS_PER_STEP = 8;

/** One inverted list: its members and a contiguous copy of their vectors in the arena (one batched scan). */
interface InvertedList {
  slots: number[];
  /** Float offset of the list's rows in the arena, and how many rows fit there. */
  offset: number;
  capacity: number;
}

/** What training reads from the index it serves. */
export interface TrainingSource {
  dimensions: number;
  /** The index's vector buffer, row per slot; a getter because the buffer is replaced when the index grows. */
  vectors(): Float32Array;
  /** The live slots when training started, in the index's own order. */
  slots: readonly number[];
  /** One past the highest slot when training started. */
  extent: number;
  /**
   * Slots upserted since training started, appended by the index while training runs: they are (re)assigned
   * before the trained file is returned, in the same synchronous step, so none is lost.
   */
  changed: number[];
}

/** Training parameters (the index's options). */
export interface TrainingOptions {
  seed: number;
  trainingSample: number;
  probes: number;
}

/**
 * The inverted-file ANN structure of the in-process index: a k-means coarse quantizer over √n lists, each list's
 * vectors stored contiguously in an arena (centroids too), probing the lists nearest the query.
 */
export class InvertedFile {
  readonly lists: InvertedList[];
  readonly arena: VectorArena;
  /** Per slot: its inverted list and position there (-1 when not in a list). */
  private listOf: Int32Array;
  private positionOf: Int32Array;
  /** Float offset of the centroids in the arena (scored with the same kernel as the lists). */
  private readonly centroids: number;
  /** Reused buffers: a query's centroid scores and its nearest lists. */
  private readonly centroidScores: Float32Array;
  private readonly order: Int32Array;

  constructor(readonly codebook: Codebook, readonly trainedAt: number, extent: number, probes: number) {
    const d = codebook.dimensions;
    this.arena = new VectorArena(d, Math.ceil(trainedAt * 1.5) * d);
    this.centroids = this.arena.alloc(codebook.k * d);
    this.arena.floats.set(codebook.centroids, this.centroids);
    this.centroidScores = new Float32Array(codebook.k);
    this.order = new Int32Array(Math.max(1, probes));
    this.lists = Array.from({ length: codebook.k }, () => ({ slots: [], offset: this.arena.alloc(64 * d), capacity: 64 }));
    this.listOf = new Int32Array(Math.max(extent, 1)).fill(-1);
    this.positionOf = new Int32Array(Math.max(extent, 1)).fill(-1);
  }

  /** Puts a slot's current vector (row `slot` of `data`) into its nearest list (in place when it stays there). */
  assign(data: Float32Array, slot: number): void {
    const d = this.codebook.dimensions;
    if (slot >= this.listOf.length) {
      const size = Math.max(slot + 1, this.listOf.length * 2);
      const lists = new Int32Array(size).fill(-1); lists.set(this.listOf); this.listOf = lists;
      const positions = new Int32Array(size).fill(-1); positions.set(this.positionOf); this.positionOf = positions;
    }
    const target = nearestCentroid(this.codebook, data, slot * d);
    const vector = data.subarray(slot * d, (slot + 1) * d);
    const { arena } = this;
    if (this.listOf[slot] === target && this.positionOf[slot]! >= 0) {
      arena.floats.set(vector, this.lists[target]!.offset + this.positionOf[slot]! * d);
      return;
    }
    const list = this.lists[target]!;
    const position = list.slots.length;
    if (position + 1 > list.capacity) {
      const offset = arena.alloc(list.capacity * 2 * d); // may replace arena.floats: take the view after
      arena.floats.copyWithin(offset, list.offset, list.offset + position * d);
      list.offset = offset;
      list.capacity *= 2;
    }
    list.slots.push(slot);
    arena.floats.set(vector, list.offset + position * d);
    this.listOf[slot] = target;
    this.positionOf[slot] = position;
  }

  /**
   * Pushes the best accepted slots into `top`, probing at least `probes` lists and more until `top` has a hit.
   * Scores are float32 sums: they only pick the winners, whose exact scores the caller recomputes.
   */
  search(q: Float32Array, accept: (metadata: VectorMetadata) => boolean, top: TopK<number>, probes: number,
    metadataOf: readonly (VectorMetadata | undefined)[]): void {
    // Copied out of the arena's scratch, which the list scans below reuse.
    const centroidScores = this.centroidScores;
    centroidScores.set(this.arena.scores(q, this.centroids, this.codebook.k));
    // The nearest `probes` lists by selection; the full order (same scores, same tie order: the selected lists
    // come first in it) only when a selective filter needs more lists.
    let order = nearestLists(centroidScores, probes, this.order);
    let threshold = -Infinity; // a local: the getter would box a double per row
    for (let rank = 0; rank < this.codebook.k; rank += 1) {
      if (rank >= probes && threshold > -Infinity) break;
      if (rank === order.length) {
        order = Int32Array.from(centroidScores.keys()).sort((a, b) => centroidScores[b]! - centroidScores[a]! || a - b);
      }
      const listIndex = order[rank]!;
      const list = this.lists[listIndex]!;
      // One batched (SIMD where available) pass scores the whole list.
      const scores = this.arena.scores(q, list.offset, list.slots.length);
      for (let j = 0; j < list.slots.length; j += 1) {
        const slot = list.slots[j]!;
        // Entries left behind by moves and deletions are skipped: the slot now lives elsewhere or nowhere.
        if (this.listOf[slot] !== listIndex || this.positionOf[slot] !== j) continue;
        const score = scores[j]!;
        if (score <= threshold) continue;
        const metadata = metadataOf[slot];
        if (metadata !== undefined && accept(metadata)) { top.push(score, slot); threshold = top.threshold; }
      }
    }
  }
}

/**
 * Trains an inverted file over `source` as a generator that yields every few milliseconds of work (k-means on a
 * seeded sample, then every slot assigned to its list, then the slots changed meanwhile), so the caller can run
 * it in slices between event-loop turns. Deterministic: the same records and seed give the same codebook.
 */
export function* trainInvertedFile(source: TrainingSource, options: TrainingOptions): Generator<void, InvertedFile> {
  const d = source.dimensions;
  const live = source.slots.length;
  const random = createRandom(options.seed);
  const shuffled = [...source.slots];
  const sample = Math.min(shuffled.length, options.trainingSample);
  for (let i = 0; i < sample; i += 1) {
    const j = i + random.int(shuffled.length - i);
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  // Copied now, in the first step: later upserts may change the index's rows while k-means runs.
  const data = source.vectors();
  const rows = new Float32Array(sample * d);
  for (let i = 0; i < sample; i += 1) rows.set(data.subarray(shuffled[i]! * d, (shuffled[i]! + 1) * d), i * d);
  const { codebook } = yield* kmeansSteps(rows, sample, d, Math.max(8, Math.round(Math.sqrt(live))), random, 6);
  const file = new InvertedFile(codebook, live, source.extent, options.probes);
  for (let i = 0; i < source.slots.length; i += 1) {
    file.assign(source.vectors(), source.slots[i]!);
    if (i % SLOTS_PER_STEP === SLOTS_PER_STEP - 1) yield;
  }
  for (let i = 0; i < source.changed.length; i += 1) {
    file.assign(source.vectors(), source.changed[i]!);
    if (i % SLOTS_PER_STEP === SLOTS_PER_STEP - 1 && i + 1 < source.changed.length) yield;
  }
  return file;
}

/** The indexes of the `count` largest scores, best first, written into `out` (a selection, no sort, no garbage). */
function nearestLists(scores: Float32Array, count: number, out: Int32Array): Int32Array {
  const n = Math.min(count, scores.length, out.length);
  let filled = 0;
  for (let c = 0; c < scores.length; c += 1) {
    const score = scores[c]!;
    if (filled === n && !(score > scores[out[n - 1]!]!)) continue;
    let at = filled < n ? filled : n - 1;
    while (at > 0 && scores[out[at - 1]!]! < score) { out[at] = out[at - 1]!; at -= 1; }
    out[at] = c;
    if (filled < n) filled += 1;
  }
  return n === out.length ? out : out.subarray(0, n);
}
