import { ValidationError } from '../../errors.ts';
import { createRandom } from '../random.ts';
import type { Codebook } from './kmeans.ts';
import { kmeans, nearestCentroid } from './kmeans.ts';
import type { VectorIndex, VectorMatch, VectorMetadata, VectorQuery, VectorRecord } from './vector-index.ts';
import { compileFilter } from './vector-index.ts';
import { normalizedRows, RecordSlots } from './record-slots.ts';
import { VectorArena } from './vector-arena.ts';
import { dot, normalized, TopK } from './vector-math.ts';

/** Options of the in-process vector index. */
export interface MemoryVectorIndexOptions {
  dimensions: number;
  /** At and above this many vectors queries use the inverted-file ANN; below, an exact scan. Default 5,000. */
  annThreshold?: number;
  /** Inverted lists probed at least (more when filters leave too few hits). Default 8. */
  probes?: number;
  /** Rows sampled to train the coarse quantizer. Default 6,000. */
  trainingSample?: number;
  seed?: number;
}

/** One inverted list: its members and a contiguous copy of their vectors in the arena (one batched scan). */
interface InvertedList {
  slots: number[];
  /** Float offset of the list's rows in the arena, and how many rows fit there. */
  offset: number;
  capacity: number;
}

interface InvertedFile {
  codebook: Codebook;
  lists: InvertedList[];
  arena: VectorArena;
  /** Float offset of the centroids in the arena (scored with the same kernel as the lists). */
  centroids: number;
  /** Reused buffers: a query's centroid scores and its nearest lists. */
  centroidScores: Float32Array;
  order: Int32Array;
  trainedAt: number;
}

/**
 * The embedded vector index: vectors in one Float32 buffer, an exact scan for small sets and an inverted-file
 * index (k-means coarse quantizer over √n lists, each list's vectors stored contiguously, probing the lists
 * nearest the query) above `annThreshold`. Filters are applied during the scan, and probing continues until
 * `topK` filtered hits are found, so a selective filter never returns fewer results than exist.
 */
export class MemoryVectorIndex implements VectorIndex {
  readonly dimensions: number;
  private data: Float32Array;
  private readonly records = new RecordSlots();
  /** Per slot: its inverted list and position there (-1 when not in a list). */
  private listOf = new Int32Array(0);
  private positionOf = new Int32Array(0);
  private ivf: InvertedFile | undefined;
  private readonly options: Required<MemoryVectorIndexOptions>;

  constructor(options: MemoryVectorIndexOptions) {
    if (!Number.isInteger(options.dimensions) || options.dimensions <= 0) {
      throw new ValidationError('dimensions must be a positive integer');
    }
    this.options = { annThreshold: 5000, probes: 8, trainingSample: 6000, seed: 1, ...options };
    this.dimensions = options.dimensions;
    this.data = new Float32Array(1024 * this.dimensions);
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
      if (this.ivf) this.assign(slot);
    });
  }

  async query(vector: Float32Array | readonly number[], query: VectorQuery): Promise<VectorMatch[]> {
    return this.querySync(vector, query);
  }

  /** Synchronous query (used on the recommender's hot path and in benchmarks). */
  querySync(vector: Float32Array | readonly number[], query: VectorQuery): VectorMatch[] {
    const q = normalized(vector, this.dimensions);
    const k = Math.floor(query.topK);
    if (!(k > 0)) return [];
    const top = new TopK<number>(k);
    const accept = compileFilter(query.filter);
    const { metadata: metadataOf, ids } = this.records;
    if (this.records.size >= this.options.annThreshold) this.searchInvertedFile(q, accept, top);
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
    if (this.ivf && this.records.size >= this.options.annThreshold) {
      // The scan's float32 sums chose the winners; their reported scores are the exact (double) dot products.
      for (const winner of winners) winner.score = dot(q, this.data, winner.value * this.dimensions);
      winners.sort((a, b) => b.score - a.score);
    }
    return winners.map(({ score, value }) => ({ id: ids[value]!, score, metadata: metadataOf[value]! }));
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

  async close(): Promise<void> {}

  private searchInvertedFile(q: Float32Array, accept: (metadata: VectorMetadata) => boolean, top: TopK<number>): void {
    const ivf = this.trainedInvertedFile();
    // Copied out of the arena's scratch, which the list scans below reuse.
    const centroidScores = ivf.centroidScores;
    centroidScores.set(ivf.arena.scores(q, ivf.centroids, ivf.codebook.k));
    const { probes } = this.options;
    // The nearest `probes` lists by selection; the full order (same scores, same tie order: the selected lists
    // come first in it) only when a selective filter needs more lists.
    let order = nearestLists(centroidScores, probes, ivf.order);
    let threshold = -Infinity; // a local: the getter would box a double per row
    for (let rank = 0; rank < ivf.codebook.k; rank += 1) {
      if (rank >= probes && threshold > -Infinity) break;
      if (rank === order.length) {
        order = Int32Array.from(centroidScores.keys()).sort((a, b) => centroidScores[b]! - centroidScores[a]! || a - b);
      }
      const listIndex = order[rank]!;
      const list = ivf.lists[listIndex]!;
      // One batched (SIMD where available) pass scores the whole list; float32 sums only pick the winners, whose
      // scores querySync recomputes exactly.
      const scores = ivf.arena.scores(q, list.offset, list.slots.length);
      for (let j = 0; j < list.slots.length; j += 1) {
        const slot = list.slots[j]!;
        // Entries left behind by moves and deletions are skipped: the slot now lives elsewhere or nowhere.
        if (this.listOf[slot] !== listIndex || this.positionOf[slot] !== j) continue;
        const score = scores[j]!;
        if (score <= threshold) continue;
        const metadata = this.records.metadata[slot];
        if (metadata !== undefined && accept(metadata)) { top.push(score, slot); threshold = top.threshold; }
      }
    }
  }

  private trainedInvertedFile(): InvertedFile {
    const live = this.records.size;
    if (this.ivf && live <= 2 * this.ivf.trainedAt) return this.ivf;
    const random = createRandom(this.options.seed);
    const slots = [...this.records.slots()];
    const sample = Math.min(slots.length, this.options.trainingSample);
    for (let i = 0; i < sample; i += 1) {
      const j = i + random.int(slots.length - i);
      [slots[i], slots[j]] = [slots[j]!, slots[i]!];
    }
    const d = this.dimensions;
    const rows = new Float32Array(sample * d);
    for (let i = 0; i < sample; i += 1) rows.set(this.data.subarray(slots[i]! * d, (slots[i]! + 1) * d), i * d);
    const { codebook } = kmeans(rows, sample, d, Math.max(8, Math.round(Math.sqrt(live))), random, 6);
    const arena = new VectorArena(d, Math.ceil(live * 1.5) * d);
    const centroids = arena.alloc(codebook.k * d);
    arena.floats.set(codebook.centroids, centroids);
    this.ivf = { codebook, arena, centroids, centroidScores: new Float32Array(codebook.k),
      order: new Int32Array(Math.max(1, this.options.probes)), trainedAt: live,
      lists: Array.from({ length: codebook.k }, () => ({ slots: [], offset: arena.alloc(64 * d), capacity: 64 })) };
    this.listOf = new Int32Array(Math.max(this.records.extent, 1)).fill(-1);
    this.positionOf = new Int32Array(Math.max(this.records.extent, 1)).fill(-1);
    for (const slot of this.records.slots()) this.assign(slot);
    return this.ivf;
  }

  /** Puts a slot's current vector into its nearest list (in place when it stays in the same list). */
  private assign(slot: number): void {
    const ivf = this.ivf!;
    const d = this.dimensions;
    if (slot >= this.listOf.length) {
      const size = Math.max(slot + 1, this.listOf.length * 2);
      const lists = new Int32Array(size).fill(-1); lists.set(this.listOf); this.listOf = lists;
      const positions = new Int32Array(size).fill(-1); positions.set(this.positionOf); this.positionOf = positions;
    }
    const target = nearestCentroid(ivf.codebook, this.data, slot * d);
    const vector = this.data.subarray(slot * d, (slot + 1) * d);
    const { arena } = ivf;
    if (this.listOf[slot] === target && this.positionOf[slot]! >= 0) {
      arena.floats.set(vector, ivf.lists[target]!.offset + this.positionOf[slot]! * d);
      return;
    }
    const list = ivf.lists[target]!;
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

  private ensureCapacity(slots: number): void {
    if (slots * this.dimensions <= this.data.length) return;
    const grown = new Float32Array(Math.max(slots, (this.data.length / this.dimensions) * 2) * this.dimensions);
    grown.set(this.data);
    this.data = grown;
  }
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
