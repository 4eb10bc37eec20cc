import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { DedupStore } from '../../core/pipeline/dedup-store.ts';

/** Creates dedup stores that share one backend (two stores = two workers). */
export interface DedupStoreFactory {
  create(): Promise<DedupStore>;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The shared contract of {@link DedupStore}, run by every implementation. */
export function dedupStoreContract(name: string, factory: DedupStoreFactory): void {
  describe(`DedupStore contract: ${name}`, () => {
    const opened: DedupStore[] = [];
    const open = async (): Promise<DedupStore> => {
      const store = await factory.create();
      opened.push(store);
      return store;
    };
    const id = (): string => `telegram:${randomUUID()}`;
    afterAll(async () => {
      await Promise.all(opened.map((store) => store.close()));
    });

    it('claims an id once; the second delivery is refused', async () => {
      const store = await open();
      const key = id();
      expect(await store.claim(key, 60_000)).toBe(true);
      expect(await store.claim(key, 60_000)).toBe(false);
      expect(await store.claim(id(), 60_000)).toBe(true);
    });

    it('refuses the duplicate on another worker too', async () => {
      const [a, b] = [await open(), await open()];
      const key = id();
      expect(await a.claim(key, 60_000)).toBe(true);
      expect(await b.claim(key, 60_000)).toBe(false);
    });

    it('lets exactly one of many concurrent claims win', async () => {
      const [a, b] = [await open(), await open()];
      const key = id();
      const claims = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).claim(key, 60_000)));
      expect(claims.filter(Boolean)).toHaveLength(1);
    });

    it('forgets an id after its window', async () => {
      const store = await open();
      const key = id();
      await store.claim(key, 150);
      await sleep(300);
      expect(await store.claim(key, 150)).toBe(true);
    });

    it('forgets a released id at once', async () => {
      const store = await open();
      const key = id();
      await store.claim(key, 60_000);
      await store.release(key);
      expect(await store.claim(key, 60_000)).toBe(true);
    });
  });
}
