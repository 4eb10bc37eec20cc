import hnswlib from 'hnswlib-node';
import { ValidationError } from '../../../core/errors.ts';
import type {
  VectorFilter, VectorIndex, VectorMatch, VectorQuery, VectorRecord,
} from '../../../core/reco/vector/vector-index.ts';
import { normalizedRows, RecordSlots } from '../../../core/reco/vector/record-slots.ts';
import { copyMetadata, matchesFilter } from '../../../core/reco/vector/vector-index.ts';
import { dot, normalized, TopK } from '../../../core/reco/vector/vector-math.ts';

/** Options of the hnswlib-backed index. */
export interface HnswVectorIndexOptions {
  dimensions: number;
  /** Graph degree (hnswlib M). Default 16. */
  m?: number;
  efConstruction?: number;
  /** Search breadth; raised to topK when smaller. Default 64. */
  efSearch?: number;
  initialCapacity?: number;
  seed?: number;
}

/**
 * A VectorIndex on hnswlib (HNSW graph, cosine space) for large in-process catalogs. Metadata and a copy of
 * each unit vector live in JS: filters run as hnswlib's label filter, and when a selective filter leaves the
 * graph search short of `topK`, an exact scan over the matching vectors answers instead.
 */
export class HnswVectorIndex implements VectorIndex {
  readonly dimensions: number;
  private readonly index: hnswlib.HierarchicalNSW;
  private capacity: number;
  private readonly records = new RecordSlots();
  private readonly vectors: (Float32Array | undefined)[] = [];
  private readonly efSearch: number;

  constructor(options: HnswVectorIndexOptions) {
    if (!Number.isInteger(options.dimensions) || options.dimensions <= 0) {
      throw new ValidationError('dimensions must be a positive integer');
    }
    this.dimensions = options.dimensions;
    this.capacity = options.initialCapacity ?? 1024;
    this.efSearch = options.efSearch ?? 64;
    this.index = new hnswlib.HierarchicalNSW('cosine', this.dimensions);
    this.index.initIndex(this.capacity, options.m ?? 16, options.efConstruction ?? 200, options.seed ?? 100);
  }

  async upsert(records: readonly VectorRecord[]): Promise<void> {
    this.upsertSync(records);
  }

  /** Synchronous upsert. */
  upsertSync(records: readonly VectorRecord[]): void {
    const rows = normalizedRows(records, this.dimensions);
    records.forEach((record, r) => {
      const row = rows[r]!;
      const point = Array.from(row);
      const { slot: label, how } = this.records.claim(record.id, record.metadata);
      if (how === 'new' && label >= this.capacity) {
        this.capacity *= 2;
        this.index.resizeIndex(this.capacity);
      }
      this.index.addPoint(point, label);
      if (how === 'freed') this.index.unmarkDelete(label);
      this.vectors[label] = row;
    });
  }

  async query(vector: Float32Array | readonly number[], query: VectorQuery): Promise<VectorMatch[]> {
    return this.querySync(vector, query);
  }

  /** Synchronous query. */
  querySync(vector: Float32Array | readonly number[], query: VectorQuery): VectorMatch[] {
    const q = normalized(vector, this.dimensions);
    const k = Math.min(Math.floor(query.topK), this.records.size);
    if (!(k > 0)) return [];
    const filter = query.filter;
    this.index.setEf(Math.max(this.efSearch, k));
    const result = this.index.searchKnn(Array.from(q), k, (label: number) => {
      const metadata = this.records.metadata[label];
      return metadata !== undefined && matchesFilter(metadata, filter);
    });
    if (result.neighbors.length < k) return this.exactScan(q, k, filter);
    return result.neighbors.map((label, i) => this.match(label, 1 - result.distances[i]!));
  }

  async fetch(ids: readonly string[]): Promise<VectorRecord[]> {
    return this.records.fetch(ids, (label) => this.vectors[label]!.slice());
  }

  async delete(ids: readonly string[]): Promise<void> {
    for (const id of ids) this.remove(id);
  }

  async deleteByShopper(shopperId: string): Promise<void> {
    for (const id of this.records.idsOfShopper(shopperId)) this.remove(id);
  }

  async count(): Promise<number> {
    return this.records.size;
  }

  async close(): Promise<void> {}

  private remove(id: string): void {
    const label = this.records.remove(id);
    if (label === undefined) return;
    this.index.markDelete(label);
    this.vectors[label] = undefined;
  }

  private match(label: number, score: number): VectorMatch {
    return { id: this.records.ids[label]!, score, metadata: copyMetadata(this.records.metadata[label]!) };
  }

  // The graph cannot reach every match of a very selective filter; scanning the few that match is exact and cheap.
  private exactScan(q: Float32Array, k: number, filter: VectorFilter | undefined): VectorMatch[] {
    const top = new TopK<number>(k);
    this.records.metadata.forEach((metadata, label) => {
      if (metadata !== undefined && matchesFilter(metadata, filter)) top.push(dot(q, this.vectors[label]!), label);
    });
    return top.sorted().map(({ score, value }) => this.match(value, score));
  }
}
