import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toPineconeFilter } from '../../../adapters/stores/pinecone/pinecone-filter.ts';
import { PineconeVectorIndex } from '../../../adapters/stores/pinecone/pinecone-vector-index.ts';
import type { VectorIndex, VectorRecord } from '../../../core/reco/vector/vector-index.ts';
import { vectorIndexContract } from '../../contract/vector-index.contract.ts';
import { startFakePinecone } from './fake-pinecone-server.ts';

type Fake = Awaited<ReturnType<typeof startFakePinecone>>;
let fake: Fake;
const fakes: Fake[] = [];

beforeAll(async () => { fake = await startFakePinecone({ dimension: 8, apiKey: 'test-key' }); fakes.push(fake); });
afterAll(async () => { await Promise.all(fakes.map((f) => f.close())); });

vectorIndexContract('Pinecone (local data-plane server)', {
  create: async (dimensions) => {
    // Each index gets its own server so property runs never see each other's vectors.
    const server = await startFakePinecone({ dimension: dimensions, apiKey: 'test-key' });
    fakes.push(server);
    return new PineconeVectorIndex({ apiKey: 'test-key', host: server.host, dimensions });
  },
});

describe('PineconeVectorIndex wire behaviour', () => {
  const record = (i: number, service: 'samokat' | 'kuper'): VectorRecord => ({
    id: `${service}:${i}`, values: [1, i % 7, 0, 0, 0, 0, 0, 1], metadata: { kind: 'item', service, tags: [], price: i },
  });

  it('writes one namespace per service, in batches, with the API key', async () => {
    fake.reset();
    const index = new PineconeVectorIndex({ apiKey: 'test-key', host: fake.host, dimensions: 8, batchSize: 100 });
    await index.upsert([...Array.from({ length: 250 }, (_, i) => record(i, 'samokat')), record(1, 'kuper')]);
    const upserts = fake.seen.filter((r) => r.path === '/vectors/upsert');
    expect(upserts.map((r) => [r.namespace, r.count])).toEqual([['samokat', 100], ['samokat', 100], ['samokat', 50], ['kuper', 1]]);
    expect(upserts.every((r) => r.headers['api-key'] === 'test-key')).toBe(true);
    expect(fake.namespaces.get('samokat')!.size).toBe(250);
    expect(await index.count()).toBe(251);
    const matches = await index.query([1, 0, 0, 0, 0, 0, 0, 1], { topK: 3, filter: { service: 'kuper' } });
    expect(matches.map((m) => m.id)).toEqual(['kuper:1']);
    const queried = fake.seen.filter((r) => r.path === '/query').map((r) => r.namespace);
    expect(queried).toEqual(['kuper']);
  });

  it('moves an item between namespaces when its service changes', async () => {
    fake.reset();
    const index = new PineconeVectorIndex({ apiKey: 'test-key', host: fake.host, dimensions: 8, namespacePrefix: 't1-' });
    await index.upsert([{ ...record(1, 'samokat'), id: 'x' }]);
    await index.upsert([{ ...record(1, 'kuper'), id: 'x' }]);
    expect(fake.namespaces.get('t1-samokat')?.has('x')).toBe(false);
    expect(fake.namespaces.get('t1-kuper')?.has('x')).toBe(true);
    expect(await index.count()).toBe(1);
  });

  it('translates filters to Pinecone syntax', () => {
    expect(toPineconeFilter({})).toEqual({ kind: { $eq: 'item' } });
    expect(toPineconeFilter({ service: 'kuper', availableOnly: true, includeTags: ['vegan'], excludeTags: ['meat', 'fish'],
      minPrice: 10, maxPrice: 300, category: 'Молочные продукты/', shopperId: 's1' })).toEqual({ $and: [
      { kind: { $eq: 'item' } }, { service: { $in: ['kuper'] } }, { available: { $eq: true } }, { tags: { $in: ['vegan'] } },
      { tags: { $nin: ['meat', 'fish'] } }, { price: { $gte: 10 } }, { price: { $lte: 300 } },
      { categories: { $in: ['Молочные продукты'] } }, { shopperId: { $eq: 's1' } },
    ] });
  });

  it('clears its own namespaces only', async () => {
    fake.reset();
    const mine = new PineconeVectorIndex({ apiKey: 'test-key', host: fake.host, dimensions: 8, namespacePrefix: 'a-' });
    const other = new PineconeVectorIndex({ apiKey: 'test-key', host: fake.host, dimensions: 8, namespacePrefix: 'b-' });
    await mine.upsert([record(1, 'kuper')]);
    await other.upsert([record(2, 'kuper')]);
    await mine.clear();
    expect(await mine.count()).toBe(0);
    expect(await other.count()).toBe(1);
  });

  it('reports a wrong API key as an error, not an empty answer', async () => {
    const index = new PineconeVectorIndex({ apiKey: 'wrong', host: fake.host, dimensions: 8 });
    await expect(index.query([1, 0, 0, 0, 0, 0, 0, 0], { topK: 1 })).rejects.toThrow();
  });
});

// Real Pinecone: runs only with credentials (the index must use the cosine metric). Vectors of the contract are
// zero-padded to the index dimension, which keeps cosine similarities unchanged.
const realKey = process.env.PINECONE_API_KEY;
const realIndex = process.env.PINECONE_INDEX;
const reason = 'real Pinecone: set PINECONE_API_KEY and PINECONE_INDEX (+ PINECONE_HOST, PINECONE_DIMENSIONS) to run';
if (!realKey || !realIndex) {
  describe(reason, () => {
    it('is not configured on this machine', () => {
      console.warn(`[pinecone] skipped: ${reason}`);
      expect(realKey && realIndex).toBeFalsy();
    });
  });
} else {
  const dimension = Number(process.env.PINECONE_DIMENSIONS ?? 8);
  vectorIndexContract('Pinecone (real)', {
    eventual: true,
    skipProperty: true,
    create: async (dimensions) => {
      const inner = new PineconeVectorIndex({ apiKey: realKey, indexName: realIndex, host: process.env.PINECONE_HOST,
        dimensions: dimension, namespacePrefix: `sovetnik-test-${Date.now()}-${Math.random().toString(36).slice(2, 8)}-` });
      return paddedIndex(inner, dimensions);
    },
  });
}

function paddedIndex(inner: PineconeVectorIndex, dimensions: number): VectorIndex {
  const pad = (values: Float32Array | readonly number[]) => {
    if (values.length !== dimensions) return values; // let the adapter reject it
    const out = new Array<number>(inner.dimensions).fill(0);
    values.forEach((v, i) => { out[i] = v; });
    return out;
  };
  return {
    dimensions,
    upsert: (records) => inner.upsert(records.map((r) => ({ ...r, values: pad(r.values) }))),
    query: (vector, query) => inner.query(pad(vector), query),
    fetch: async (ids) => (await inner.fetch(ids)).map((r) => ({ ...r, values: Array.from(r.values).slice(0, dimensions) })),
    delete: (ids) => inner.delete(ids),
    deleteByShopper: (id) => inner.deleteByShopper(id),
    count: () => inner.count(),
    close: async () => {
      await inner.clear();
      await inner.close();
    },
  };
}
