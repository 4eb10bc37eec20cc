import type { Index, RecordMetadata } from '@pinecone-database/pinecone';
import { Pinecone } from '@pinecone-database/pinecone';
import { SERVICES } from '../../../core/reply.ts';
import type { Service } from '../../../core/reply.ts';
import { toSovetnikError, UnavailableError, ValidationError } from '../../../core/errors.ts';
import type {
  VectorFilter, VectorIndex, VectorMatch, VectorQuery, VectorRecord,
} from '../../../core/reco/vector/vector-index.ts';
import { normalized } from '../../../core/reco/vector/vector-math.ts';
import { fromPineconeMetadata, toPineconeFilter, toPineconeMetadata } from './pinecone-filter.ts';

/** Options of the Pinecone vector index. */
export interface PineconeVectorIndexOptions {
  apiKey: string;
  /** The index name; the host is resolved through the control plane when `host` is not given. */
  indexName?: string;
  /** The index host (from the Pinecone console, or a local server in tests). */
  host?: string;
  dimensions: number;
  /** Prepended to every namespace (separate environments or test runs in one index). */
  namespacePrefix?: string;
  /** Records per upsert request (Pinecone allows up to 1,000 and 2 MB). Default 100. */
  batchSize?: number;
  /** A ready client (tests); otherwise one is built from apiKey. */
  client?: Pinecone;
}

/**
 * VectorIndex on Pinecone: one namespace per service for items (`samokat`, `megamarket`, `kuper`), `items` for
 * items without a service and `shoppers` for shopper vectors; metadata filters translated to Pinecone's filter
 * language; upserts batched; erasure by metadata filter in every namespace. Scores are Pinecone's cosine scores
 * (the index must use the cosine metric).
 */
export class PineconeVectorIndex implements VectorIndex {
  readonly dimensions: number;
  private readonly index: Index<RecordMetadata>;
  private readonly prefix: string;
  private readonly batchSize: number;

  constructor(options: PineconeVectorIndexOptions) {
    if (!options.indexName && !options.host) throw new ValidationError('Pinecone needs an index name or host');
    this.dimensions = options.dimensions;
    this.prefix = options.namespacePrefix ?? '';
    this.batchSize = options.batchSize ?? 100;
    const client = options.client ?? new Pinecone({ apiKey: options.apiKey });
    this.index = options.host
      ? client.index({ name: options.indexName, host: options.host })
      : client.index({ name: options.indexName! });
  }

  async upsert(records: readonly VectorRecord[]): Promise<void> {
    const byNamespace = new Map<string, { id: string; values: number[]; metadata: RecordMetadata }[]>();
    for (const record of records) {
      if (!record.id) throw new ValidationError('a vector record needs an id');
      const values = Array.from(normalized(record.values, this.dimensions));
      const namespace = this.namespaceOf(record.metadata.kind, record.metadata.service);
      const list = byNamespace.get(namespace) ?? [];
      list.push({ id: record.id, values, metadata: toPineconeMetadata(record.metadata) });
      byNamespace.set(namespace, list);
    }
    // An id moves when its service changes: remove it from the other namespaces first.
    for (const [namespace, list] of byNamespace) {
      const others = this.allNamespaces().filter((ns) => ns !== namespace);
      await this.call('delete', () => Promise.all(others.map((ns) => this.deleteIds(ns, list.map((r) => r.id)))));
      for (let start = 0; start < list.length; start += this.batchSize) {
        const batch = list.slice(start, start + this.batchSize);
        await this.call('upsert', () => this.index.namespace(namespace).upsert({ records: batch }));
      }
    }
  }

  async query(vector: Float32Array | readonly number[], query: VectorQuery): Promise<VectorMatch[]> {
    const values = Array.from(normalized(vector, this.dimensions));
    const topK = Math.floor(query.topK);
    if (!(topK > 0)) return [];
    const filter = toPineconeFilter(query.filter);
    const responses = await this.call('query', () => Promise.all(this.namespacesFor(query.filter).map((namespace) =>
      this.index.namespace(namespace).query({ vector: values, topK, filter, includeMetadata: true }))));
    return responses.flatMap((response) => response.matches ?? [])
      .map((match) => ({ id: match.id, score: match.score ?? 0, metadata: fromPineconeMetadata(match.metadata) }))
      .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
      .slice(0, topK);
  }

  async fetch(ids: readonly string[]): Promise<VectorRecord[]> {
    if (ids.length === 0) return [];
    const found = new Map<string, VectorRecord>();
    const responses = await this.call('fetch', () => Promise.all(this.allNamespaces().map((namespace) =>
      this.index.namespace(namespace).fetch({ ids: [...ids] }))));
    for (const response of responses) {
      for (const [id, record] of Object.entries(response.records ?? {})) {
        found.set(id, { id, values: Float32Array.from(record.values ?? []), metadata: fromPineconeMetadata(record.metadata) });
      }
    }
    return ids.flatMap((id) => (found.has(id) ? [found.get(id)!] : []));
  }

  async delete(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.call('delete', () => Promise.all(this.allNamespaces().map((ns) => this.deleteIds(ns, [...ids]))));
  }

  async deleteByShopper(shopperId: string): Promise<void> {
    const filter = { shopperId: { $eq: shopperId } };
    await this.call('delete', () => Promise.all(this.allNamespaces().map((namespace) =>
      this.index.namespace(namespace).deleteMany({ filter }))));
  }

  async count(): Promise<number> {
    const stats = await this.call('describe_index_stats', () => this.index.describeIndexStats());
    const mine = new Set(this.allNamespaces());
    return Object.entries(stats.namespaces ?? {})
      .filter(([namespace]) => mine.has(namespace))
      .reduce((sum, [, summary]) => sum + (summary.recordCount ?? 0), 0);
  }

  /** Removes every vector of this index's namespaces (test clean-up, re-indexing). */
  async clear(): Promise<void> {
    await this.call('delete', () => Promise.all(this.allNamespaces().map((namespace) =>
      this.index.namespace(namespace).deleteAll().catch((error: Error) => {
        // Deleting a namespace that was never written is a 404 on serverless indexes: already clear.
        if (!/NotFound/.test(error.name)) throw error;
      }))));
  }

  async close(): Promise<void> {}

  private async deleteIds(namespace: string, ids: string[]): Promise<void> {
    for (let start = 0; start < ids.length; start += 1000) {
      await this.index.namespace(namespace).deleteMany({ ids: ids.slice(start, start + 1000) });
    }
  }

  private namespaceOf(kind: 'item' | 'shopper', service: Service | undefined): string {
    if (kind === 'shopper') return `${this.prefix}shoppers`;
    return `${this.prefix}${service ?? 'items'}`;
  }

  private allNamespaces(): string[] {
    return [...SERVICES, 'items', 'shoppers'].map((name) => `${this.prefix}${name}`);
  }

  private namespacesFor(filter: VectorFilter | undefined): string[] {
    if ((filter?.kind ?? 'item') === 'shopper') return [this.namespaceOf('shopper', undefined)];
    if (filter?.service === undefined) return [...SERVICES, 'items'].map((name) => `${this.prefix}${name}`);
    const services = typeof filter.service === 'string' ? [filter.service] : filter.service;
    return services.map((service) => this.namespaceOf('item', service));
  }

  private async call<T>(what: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      const name = (error as Error).name ?? '';
      if (/BadRequest/.test(name)) throw new ValidationError(`Pinecone ${what}: ${(error as Error).message}`, { cause: error });
      if (/Connection|Unavailable|Internal|Timeout|ServerError/.test(name)) {
        throw new UnavailableError(`Pinecone (${what})`, { cause: error });
      }
      throw toSovetnikError(error);
    }
  }
}
