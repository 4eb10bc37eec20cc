import { afterAll, describe, expect, it } from 'vitest';
import type { CatalogItem } from '../../core/catalog/catalog-item.ts';
import type { CatalogStore } from '../../core/stores/catalog-store.ts';

/** Creates an empty catalog store. */
export interface CatalogStoreFactory {
  create(): Promise<CatalogStore>;
}

const item = (service: CatalogItem['service'], id: string, category: string, extra: Partial<CatalogItem> = {}): CatalogItem => ({
  id,
  service,
  title: { ru: `Товар ${id}`, en: `Item ${id}` },
  category,
  price: 100,
  currency: 'RUB',
  ...extra,
});

/** The shared contract of {@link CatalogStore}. */
export function catalogStoreContract(name: string, factory: CatalogStoreFactory): void {
  describe(`CatalogStore contract: ${name}`, () => {
    const opened: CatalogStore[] = [];
    const open = async () => {
      const store = await factory.create();
      opened.push(store);
      return store;
    };
    afterAll(async () => Promise.all(opened.map((s) => s.close())));

    it('upserts items keyed by service and id, replacing the whole item', async () => {
      const store = await open();
      expect(await store.upsertMany([item('samokat', 'a', 'Молочные продукты/Молоко', { tags: ['vegan'], brand: 'X' }), item('kuper', 'a', 'Фрукты')])).toBe(2);
      expect(await store.upsertMany([item('samokat', 'a', 'Молочные продукты/Молоко', { price: 150 })])).toBe(1);
      const got = await store.get('samokat', 'a');
      expect(got).toEqual(item('samokat', 'a', 'Молочные продукты/Молоко', { price: 150 }));
      expect((await store.get('kuper', 'a'))?.category).toBe('Фрукты');
      expect(await store.get('megamarket', 'a')).toBeUndefined();
      expect(await store.count()).toBe(2);
    });

    it('getMany returns found items in the order asked and leaves missing ones out', async () => {
      const store = await open();
      await store.upsertMany([item('samokat', 'a', 'A'), item('samokat', 'b', 'B'), item('kuper', 'c', 'C')]);
      const found = await store.getMany([{ service: 'kuper', id: 'c' }, { service: 'samokat', id: 'zzz' }, { service: 'samokat', id: 'a' }]);
      expect(found.map((i) => `${i.service}:${i.id}`)).toEqual(['kuper:c', 'samokat:a']);
    });

    it('lists and counts by service, category (with sub-categories) and availability, in a stable order', async () => {
      const store = await open();
      await store.upsertMany([
        item('samokat', 'm2', 'Молочные продукты/Молоко'),
        item('samokat', 'm1', 'Молочные продукты/Сыр'),
        item('samokat', 'x', 'Молочные продуктыX'),
        item('samokat', 'off', 'Молочные продукты', { available: false }),
        item('kuper', 'k', 'Молочные продукты/Молоко'),
        item('megamarket', 'dot', 'a.b (c)/d'),
      ]);
      const dairy = await store.list({ service: 'samokat', category: 'Молочные продукты' });
      expect(dairy.map((i) => i.id)).toEqual(['m1', 'm2', 'off']);
      expect(await store.count({ category: 'Молочные продукты' })).toBe(4);
      expect(await store.count({ category: 'Молочные продукты', availableOnly: true })).toBe(3);
      expect((await store.list({ category: 'a.b (c)' })).map((i) => i.id)).toEqual(['dot']);
      const all = await store.list({ limit: 2, offset: 1 });
      expect(all.map((i) => `${i.service}:${i.id}`)).toEqual(['megamarket:dot', 'samokat:m1']);
    });

    it('iterates over every item and gives a snapshot that sees later upserts', async () => {
      const store = await open();
      const items = Array.from({ length: 250 }, (_, n) => item('megamarket', `i${String(n).padStart(3, '0')}`, 'Электроника'));
      await store.upsertMany(items);
      const seen: string[] = [];
      for await (const found of store.iterate({ service: 'megamarket' })) seen.push(found.id);
      expect(seen).toEqual(items.map((i) => i.id));
      const first = await store.snapshot();
      expect(first.items).toHaveLength(250);
      expect(first.get('megamarket', 'i007')?.id).toBe('i007');
      await store.upsertMany([item('samokat', 'new', 'Хлеб')]);
      const second = await store.snapshot();
      expect(second.items).toHaveLength(251);
      expect(second.revision).toBeGreaterThan(first.revision);
    });

    it('returned items cannot change the stored ones', async () => {
      const store = await open();
      const original = item('samokat', 'a', 'A', { tags: ['vegan'] });
      await store.upsertMany([original]);
      original.tags!.push('meat');
      const got = await store.get('samokat', 'a');
      try {
        got!.tags!.push('fish');
      } catch {
        // frozen items throw; copies do not: both keep the store intact
      }
      expect((await store.get('samokat', 'a'))!.tags).toEqual(['vegan']);
    });

    it('deletes items', async () => {
      const store = await open();
      await store.upsertMany([item('samokat', 'a', 'A'), item('samokat', 'b', 'B')]);
      expect(await store.deleteMany([{ service: 'samokat', id: 'a' }, { service: 'samokat', id: 'nope' }])).toBe(1);
      expect(await store.count()).toBe(1);
      expect((await store.snapshot()).get('samokat', 'a')).toBeUndefined();
    });
  });
}
