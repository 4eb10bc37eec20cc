import type { Service } from '../../reply.ts';

/** What a stored vector describes: a catalog item, or a shopper's taste (erasable with the shopper). */
export type VectorKind = 'item' | 'shopper';

/** Metadata stored next to a vector; item filters run on it. */
export interface VectorMetadata {
  kind: VectorKind;
  service?: Service;
  /** False when the item cannot be ordered now; missing means available. */
  available?: boolean;
  tags?: string[];
  price?: number;
  /** The category path, "Молочные продукты/Йогурты". */
  category?: string;
  /** The shopper a `shopper` vector (or any personal vector) belongs to. */
  shopperId?: string;
}

/** A vector with its id and metadata. Ids are unique across the whole index. */
export interface VectorRecord {
  id: string;
  values: Float32Array | readonly number[];
  metadata: VectorMetadata;
}

/** Metadata filters of a query; every given condition must hold. */
export interface VectorFilter {
  /** Default `item`: shopper vectors never show up in item searches unless asked for. */
  kind?: VectorKind;
  service?: Service | readonly Service[];
  /** Only vectors whose `available` is not false. */
  availableOnly?: boolean;
  /** Every one of these tags must be present. */
  includeTags?: readonly string[];
  /** None of these tags may be present. */
  excludeTags?: readonly string[];
  minPrice?: number;
  maxPrice?: number;
  /** The category or any of its sub-categories. */
  category?: string;
  shopperId?: string;
}

/** One search hit: cosine similarity in [-1, 1], best first. */
export interface VectorMatch {
  id: string;
  score: number;
  metadata: VectorMetadata;
}

/** Options of a similarity query. */
export interface VectorQuery {
  topK: number;
  filter?: VectorFilter;
}

/**
 * Nearest-neighbour search over embeddings with metadata filters (cosine similarity). Implementations: the
 * in-process index in core (exact scan, inverted-file ANN above a size threshold), hnswlib and Pinecone adapters;
 * all pass tests/contract/vector-index.contract.ts.
 */
export interface VectorIndex {
  readonly dimensions: number;
  /** Inserts or replaces records by id (vector and metadata together). */
  upsert(records: readonly VectorRecord[]): Promise<void>;
  /** The `topK` most similar vectors that pass the filter, best first. */
  query(vector: Float32Array | readonly number[], query: VectorQuery): Promise<VectorMatch[]>;
  /** Records by id (values included); missing ids are left out. */
  fetch(ids: readonly string[]): Promise<VectorRecord[]>;
  /** Removes records by id; unknown ids are ignored. */
  delete(ids: readonly string[]): Promise<void>;
  /** Removes every vector whose metadata names this shopper (erasure). */
  deleteByShopper(shopperId: string): Promise<void>;
  /** How many vectors are stored. */
  count(): Promise<number>;
  /**
   * Builds whatever search structure a bulk load left missing or stale (the in-process index's inverted file),
   * without blocking queries, which keep answering meanwhile; resolves when done. Indexes that maintain their
   * structure on every write (hnswlib, Pinecone) leave it out.
   */
  train?(): Promise<void>;
  close(): Promise<void>;
}

/** Whether metadata passes a filter: the reference semantics every implementation must match. */
export function matchesFilter(metadata: VectorMetadata, filter: VectorFilter = {}): boolean {
  return compileFilter(filter)(metadata);
}

/** A filter turned into one predicate (sets built once), for scans that test thousands of records per query. */
export function compileFilter(filter: VectorFilter = {}): (metadata: VectorMetadata) => boolean {
  const kind = filter.kind ?? 'item';
  const services = filter.service === undefined ? undefined
    : new Set<string>(typeof filter.service === 'string' ? [filter.service] : filter.service);
  const include = filter.includeTags?.length ? filter.includeTags : undefined;
  const exclude = filter.excludeTags?.length ? new Set(filter.excludeTags) : undefined;
  const { minPrice, maxPrice, shopperId, availableOnly } = filter;
  const category = filter.category === undefined ? undefined : categoryLevels(filter.category).at(-1) ?? filter.category;
  return (metadata) => {
    if (metadata.kind !== kind) return false;
    if (services && (metadata.service === undefined || !services.has(metadata.service))) return false;
    if (availableOnly && metadata.available === false) return false;
    const tags = metadata.tags;
    if (include && !include.every((tag) => tags?.includes(tag))) return false;
    if (exclude && tags) for (let i = 0; i < tags.length; i += 1) if (exclude.has(tags[i]!)) return false;
    if (minPrice !== undefined && !(metadata.price !== undefined && metadata.price >= minPrice)) return false;
    if (maxPrice !== undefined && !(metadata.price !== undefined && metadata.price <= maxPrice)) return false;
    if (category !== undefined && !categoryMatches(metadata.category, category)) return false;
    if (shopperId !== undefined && metadata.shopperId !== shopperId) return false;
    return true;
  };
}

/** Every level of a category path ("A", "A/B", "A/B/C"): how prefix filters are stored where only equality exists. */
export function categoryLevels(category: string | undefined): string[] {
  if (!category) return [];
  const parts = category.split('/').map((part) => part.trim()).filter(Boolean);
  return parts.map((_, index) => parts.slice(0, index + 1).join('/'));
}

function categoryMatches(category: string | undefined, wanted: string): boolean {
  if (category === undefined) return false;
  // Prefix test on whole levels without splitting: "A/B" matches "A/B" and "A/B/C", not "A/BC".
  const normalized = categoryLevels(category).at(-1) ?? '';
  return normalized === wanted || normalized.startsWith(`${wanted}/`);
}

/** A copy of metadata (tags copied too), cheaper than structuredClone on the query path. */
export function copyMetadata(metadata: VectorMetadata): VectorMetadata {
  return metadata.tags ? { ...metadata, tags: [...metadata.tags] } : { ...metadata };
}

/**
 * The index's own copy of metadata, shared read-only with query callers. Deliberately not `Object.freeze`d:
 * V8 turns frozen arrays into slow dictionary elements, which made every filtered scan several times slower.
 */
export function frozenMetadata(metadata: VectorMetadata): VectorMetadata {
  return copyMetadata(metadata);
}
