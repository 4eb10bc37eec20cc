import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { RateLimitStore } from '../../core/pipeline/rate-limit-store.ts';

/** Creates rate-limit stores that share one backend (two stores = two workers). */
export interface RateLimitStoreFactory {
  create(): Promise<RateLimitStore>;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The shared contract of {@link RateLimitStore}, run by every implementation. */
export function rateLimitStoreContract(name: string, factory: RateLimitStoreFactory): void {
  describe(`RateLimitStore contract: ${name}`, () => {
    const opened: RateLimitStore[] = [];
    const open = async (): Promise<RateLimitStore> => {
      const store = await factory.create();
      opened.push(store);
      return store;
    };
    const subject = (): string => `shopper:${randomUUID()}`;
    afterAll(async () => {
      await Promise.all(opened.map((store) => store.close()));
    });

    it('allows `limit` hits in a window and refuses the next with the time to wait', async () => {
      const store = await open();
      const key = subject();
      const rule = { limit: 3, windowMs: 60_000 };
      const decisions = [];
      for (let i = 0; i < 4; i += 1) decisions.push(await store.hit(key, rule));
      expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, false]);
      expect(decisions.map((d) => d.count)).toEqual([1, 2, 3, 3]);
      expect(decisions[0]?.retryAfterMs).toBe(0);
      expect(decisions[3]?.retryAfterMs).toBeGreaterThan(55_000);
      expect(decisions[3]?.retryAfterMs).toBeLessThanOrEqual(60_000);
    });

    it('slides: once the oldest hits leave the window, hits are allowed again', async () => {
      const store = await open();
      const key = subject();
      const rule = { limit: 2, windowMs: 1_000 };
      await store.hit(key, rule);
      await sleep(500);
      await store.hit(key, rule);
      expect((await store.hit(key, rule)).allowed).toBe(false);
      await sleep(600); // the first hit has left the window, the second has not
      expect((await store.hit(key, rule)).allowed).toBe(true);
      expect((await store.hit(key, rule)).allowed).toBe(false);
    });

    it('does not count refused hits', async () => {
      const store = await open();
      const key = subject();
      const rule = { limit: 1, windowMs: 600 };
      await store.hit(key, rule);
      for (let i = 0; i < 5; i += 1) expect((await store.hit(key, rule)).allowed).toBe(false);
      await sleep(700);
      expect((await store.hit(key, rule)).allowed).toBe(true);
    });

    it('limits each key on its own', async () => {
      const store = await open();
      const rule = { limit: 1, windowMs: 60_000 };
      expect((await store.hit(subject(), rule)).allowed).toBe(true);
      expect((await store.hit(subject(), rule)).allowed).toBe(true);
    });

    it('allows exactly `limit` of many concurrent hits across workers', async () => {
      const [a, b] = [await open(), await open()];
      const key = subject();
      const rule = { limit: 7, windowMs: 60_000 };
      const decisions = await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 ? a : b).hit(key, rule)));
      expect(decisions.filter((d) => d.allowed)).toHaveLength(7);
    });
  });
}
