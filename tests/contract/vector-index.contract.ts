import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { VectorIndex, VectorMetadata, VectorRecord } from '../../core/reco/vector/vector-index.ts';
import { matchesFilter } from '../../core/reco/vector/vector-index.ts';

/** How to create a fresh, empty index of `dimensions` for each test. */
export interface VectorIndexContractOptions {
  create(dimensions: number): Promise<VectorIndex>;
  /** Remote indexes are eventually consistent: assertions are retried until they hold (up to 60 s). */
  eventual?: boolean;
  /** Skip the randomized property (too many round trips for a remote index). */
  skipProperty?: boolean;
}

const D = 8;

function unit(i: number, wobble = 0): number[] {
  const v = new Array<number>(D).fill(0);
  v[i % D] = 1;
  v[(i + 1) % D] = wobble;
  return v;
}

function item(id: string, values: number[], metadata: Partial<VectorMetadata> = {}): VectorRecord {
  return { id, values, metadata: { kind: 'item', service: 'samokat', available: true, tags: [], price: 100, ...metadata } };
}

const CATALOG: VectorRecord[] = [
  item('samokat:yogurt', unit(0), { tags: ['vegetarian'], price: 90, category: 'Молочные продукты/Йогурты' }),
  item('samokat:tofu', unit(0, 0.5), { tags: ['vegan', 'vegetarian'], price: 250, category: 'Веган/Тофу' }),
  item('samokat:ham', unit(0, 0.9), { tags: ['meat'], price: 320, category: 'Мясо/Ветчина' }),
  item('samokat:wine', unit(0, 1.2), { tags: ['alcohol', '18+'], price: 900, category: 'Напитки/Вино' }),
  item('kuper:kefir', unit(0, 0.2), { service: 'kuper', tags: ['vegetarian'], price: 80, category: 'Молочные продукты/Кефир' }),
  item('megamarket:phone', unit(3), { service: 'megamarket', price: 20000, category: 'Электроника/Смартфоны' }),
  item('samokat:gone', unit(0, 0.1), { available: false, price: 50, category: 'Молочные продукты/Йогурты' }),
];

/** The shared behaviour of every VectorIndex implementation (memory exact and ANN, hnswlib, Pinecone). */
export function vectorIndexContract(name: string, options: VectorIndexContractOptions): void {
  const settle = async (assertion: () => Promise<void>): Promise<void> => {
    if (!options.eventual) return assertion();
    const deadline = Date.now() + 60_000;
    for (;;) {
      try { return await assertion(); } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
  };

  describe(`VectorIndex contract: ${name}`, () => {
    let index: VectorIndex;
    beforeEach(async () => { index = await options.create(D); });
    afterEach(async () => { await index.close(); });

    const ids = async (vector: number[], filter?: Parameters<VectorIndex['query']>[1]['filter'], topK = 10) =>
      (await index.query(vector, { topK, filter })).map((match) => match.id);

    it('returns the nearest vectors by cosine similarity, best first, with their metadata', async () => {
      await index.upsert(CATALOG);
      await settle(async () => {
        const matches = await index.query(unit(0), { topK: 3 });
        expect(matches.map((m) => m.id)).toEqual(['samokat:yogurt', 'samokat:gone', 'kuper:kefir']);
        expect(matches[0]!.score).toBeCloseTo(1, 4);
        expect(matches[1]!.score).toBeCloseTo(1 / Math.sqrt(1.01), 4);
        expect(matches[0]!.metadata).toMatchObject({ service: 'samokat', price: 90, tags: ['vegetarian'] });
        expect(await index.count()).toBe(CATALOG.length);
      });
    });

    it('applies service, availability, tag, price and category filters together', async () => {
      await index.upsert(CATALOG);
      await settle(async () => {
        expect((await ids(unit(0), { service: 'kuper' }))).toEqual(['kuper:kefir']);
        expect((await ids(unit(0), { service: ['kuper', 'megamarket'] })).sort()).toEqual(['kuper:kefir', 'megamarket:phone']);
        expect(await ids(unit(0), { availableOnly: true })).not.toContain('samokat:gone');
        expect(await ids(unit(0), { includeTags: ['vegan'] })).toEqual(['samokat:tofu']);
        const noMeat = await ids(unit(0), { excludeTags: ['meat', 'alcohol'] });
        expect(noMeat).not.toContain('samokat:ham');
        expect(noMeat).not.toContain('samokat:wine');
        expect(noMeat).toContain('samokat:tofu');
        expect((await ids(unit(0), { minPrice: 80, maxPrice: 250 })).sort()).toEqual(['kuper:kefir', 'samokat:tofu', 'samokat:yogurt']);
        expect((await ids(unit(0), { category: 'Молочные продукты' })).sort()).toEqual(['kuper:kefir', 'samokat:gone', 'samokat:yogurt']);
        expect(await ids(unit(0), { category: 'Молочные продукты/Кефир', service: 'kuper', availableOnly: true,
          excludeTags: ['meat'], maxPrice: 100 })).toEqual(['kuper:kefir']);
      });
    });

    it('replaces a record on upsert with the same id (vector and metadata)', async () => {
      await index.upsert(CATALOG);
      await index.upsert([item('samokat:yogurt', unit(5), { price: 10, tags: ['vegan'] })]);
      await settle(async () => {
        expect((await ids(unit(5), {}, 1))).toEqual(['samokat:yogurt']);
        expect(await ids(unit(0), { includeTags: ['vegan'] })).toContain('samokat:yogurt');
        const [record] = await index.fetch(['samokat:yogurt']);
        expect(record!.metadata).toMatchObject({ price: 10, tags: ['vegan'] });
        expect(await index.count()).toBe(CATALOG.length);
      });
    });

    it('fetches records by id and leaves unknown ids out', async () => {
      await index.upsert(CATALOG);
      await settle(async () => {
        const records = await index.fetch(['kuper:kefir', 'nope']);
        expect(records.map((r) => r.id)).toEqual(['kuper:kefir']);
        expect(records[0]!.values).toHaveLength(D);
        expect(records[0]!.metadata).toMatchObject({ service: 'kuper', category: 'Молочные продукты/Кефир' });
      });
    });

    it('deletes by id', async () => {
      await index.upsert(CATALOG);
      await index.delete(['samokat:yogurt', 'never-there']);
      await settle(async () => {
        expect(await ids(unit(0))).not.toContain('samokat:yogurt');
        expect(await index.fetch(['samokat:yogurt'])).toEqual([]);
        expect(await index.count()).toBe(CATALOG.length - 1);
      });
    });

    it('keeps shopper vectors out of item searches and erases them by shopper', async () => {
      await index.upsert([
        ...CATALOG,
        { id: 'shopper:alice', values: unit(0), metadata: { kind: 'shopper', shopperId: 'alice' } },
        { id: 'shopper:bob', values: unit(0), metadata: { kind: 'shopper', shopperId: 'bob' } },
      ]);
      await settle(async () => {
        expect(await ids(unit(0))).not.toContain('shopper:alice');
        expect((await ids(unit(0), { kind: 'shopper' })).sort()).toEqual(['shopper:alice', 'shopper:bob']);
      });
      await index.deleteByShopper('alice');
      await settle(async () => {
        expect(await ids(unit(0), { kind: 'shopper' })).toEqual(['shopper:bob']);
        expect(await index.fetch(['shopper:alice'])).toEqual([]);
        expect(await index.count()).toBe(CATALOG.length + 1);
      });
    });

    it('returns everything that matches when topK exceeds the matches, and nothing for topK 0', async () => {
      await index.upsert(CATALOG);
      await settle(async () => {
        expect(await ids(unit(0), { service: 'samokat' }, 100)).toHaveLength(5);
        expect(await ids(unit(0), {}, 0)).toEqual([]);
      });
    });

    it('rejects vectors of the wrong dimension', async () => {
      await expect(index.upsert([item('bad', [1, 2, 3])])).rejects.toThrow(/dimension/);
      await expect(index.query([1, 2, 3], { topK: 1 })).rejects.toThrow(/dimension/);
    });

    if (!options.skipProperty) {
      it('only ever returns records that pass the filter, sorted by score (property)', async () => {
        const tags = ['vegan', 'meat', 'alcohol', 'kids'];
        const record = fc.record({
          values: fc.array(fc.float({ min: -1, max: 1, noNaN: true }), { minLength: D, maxLength: D }),
          service: fc.constantFrom('samokat', 'kuper', 'megamarket') as fc.Arbitrary<'samokat' | 'kuper' | 'megamarket'>,
          tags: fc.subarray(tags),
          price: fc.integer({ min: 0, max: 1000 }),
          available: fc.boolean(),
        });
        const filter = fc.record({
          service: fc.option(fc.constantFrom('samokat', 'kuper') as fc.Arbitrary<'samokat' | 'kuper'>, { nil: undefined }),
          excludeTags: fc.option(fc.subarray(tags), { nil: undefined }),
          includeTags: fc.option(fc.subarray(tags, { maxLength: 1 }), { nil: undefined }),
          maxPrice: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: undefined }),
          availableOnly: fc.option(fc.boolean(), { nil: undefined }),
        });
        await fc.assert(fc.asyncProperty(fc.array(record, { minLength: 1, maxLength: 40 }), filter,
          fc.array(fc.float({ min: -1, max: 1, noNaN: true }), { minLength: D, maxLength: D }), async (rows, f, q) => {
            const fresh = await options.create(D);
            try {
              const records = rows.map((row, i) => item(`r${i}`, row.values.some((v) => v !== 0) ? row.values : unit(i),
                { service: row.service, tags: row.tags, price: row.price, available: row.available }));
              await fresh.upsert(records);
              const query = q.some((v) => v !== 0) ? q : unit(0);
              const matches = await fresh.query(query, { topK: 5, filter: f });
              const byId = new Map(records.map((r) => [r.id, r]));
              for (const match of matches) expect(matchesFilter(byId.get(match.id)!.metadata, f)).toBe(true);
              for (let i = 1; i < matches.length; i += 1) expect(matches[i - 1]!.score).toBeGreaterThanOrEqual(matches[i]!.score - 1e-6);
              const eligible = records.filter((r) => matchesFilter(r.metadata, f)).length;
              expect(matches.length).toBe(Math.min(5, eligible));
            } finally {
              await fresh.close();
            }
          }), { numRuns: 40 });
      });
    }
  });
}
