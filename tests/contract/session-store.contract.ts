import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { ConcurrencyError, SovetnikError } from '../../core/errors.ts';
import type { SessionStore } from '../../core/stores/session-store.ts';

/** How a contract run creates stores; every implementation of SessionStore runs this one suite. */
export interface SessionStoreFactory {
  /** A store with the given default TTL (seconds), sharing its backing storage with other stores of this run. */
  create(options?: { ttlSeconds?: number }): Promise<SessionStore>;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The shared contract of {@link SessionStore}: versions and optimistic concurrency, TTL,
 * prefix deletion, JSON isolation and racing writers.
 */
export function sessionStoreContract(name: string, factory: SessionStoreFactory): void {
  describe(`SessionStore contract: ${name}`, () => {
    const opened: SessionStore[] = [];
    const open = async (options?: { ttlSeconds?: number }): Promise<SessionStore> => {
      const store = await factory.create(options);
      opened.push(store);
      return store;
    };
    // Every test works under its own prefix so suites and files can share one backend.
    const key = (suffix = ''): string => `contract-${randomUUID()}/${suffix}`;

    afterAll(async () => {
      await Promise.all(opened.map((store) => store.close()));
    });

    it('returns undefined for a missing key', async () => {
      const store = await open();
      expect(await store.get(key('missing'))).toBeUndefined();
    });

    it('starts at version 1 and grows by one on each write', async () => {
      const store = await open();
      const k = key('versions');
      expect(await store.set(k, { step: 1 })).toBe(1);
      expect(await store.set(k, { step: 2 })).toBe(2);
      expect(await store.get(k)).toEqual({ data: { step: 2 }, version: 2 });
    });

    it('round-trips JSON values of every shape', async () => {
      const store = await open();
      const values: unknown[] = [
        { nested: { list: [1, 'два', null, true], empty: {} }, unicode: 'привет 👋' },
        [1, 2, 3],
        'plain string',
        42.5,
        false,
        null,
      ];
      for (const value of values) {
        const k = key('shape');
        await store.set(k, value);
        expect((await store.get(k))?.data).toEqual(value);
      }
    });

    it('isolates stored values from the caller objects (JSON copy both ways)', async () => {
      const store = await open();
      const k = key('isolation');
      const original = { cart: ['milk'] };
      await store.set(k, original);
      original.cart.push('bread');
      const first = await store.get<{ cart: string[] }>(k);
      expect(first?.data).toEqual({ cart: ['milk'] });
      first?.data.cart.push('eggs');
      expect((await store.get(k))?.data).toEqual({ cart: ['milk'] });
    });

    it('drops what JSON drops (undefined fields, Date becomes a string)', async () => {
      const store = await open();
      const k = key('json');
      await store.set(k, { a: undefined, at: new Date('2026-01-02T03:04:05.000Z') });
      expect((await store.get(k))?.data).toEqual({ at: '2026-01-02T03:04:05.000Z' });
    });

    it('rejects a value JSON cannot carry with a validation error', async () => {
      const store = await open();
      await expect(store.set(key('bad'), undefined)).rejects.toBeInstanceOf(SovetnikError);
      await expect(store.set(key('bad'), { n: 1n })).rejects.toMatchObject({ code: 'validation_failed' });
    });

    it('accepts a write with the expected version and rejects a stale one with ConcurrencyError', async () => {
      const store = await open();
      const k = key('occ');
      expect(await store.set(k, 'a', { expectedVersion: 0 })).toBe(1);
      expect(await store.set(k, 'b', { expectedVersion: 1 })).toBe(2);
      const error = await store.set(k, 'c', { expectedVersion: 1 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConcurrencyError);
      expect(error).toMatchObject({ code: 'concurrency_conflict', key: k, expectedVersion: 1, actualVersion: 2 });
      expect(await store.get(k)).toEqual({ data: 'b', version: 2 });
    });

    it('treats expectedVersion 0 as "must not exist yet"', async () => {
      const store = await open();
      const k = key('create-only');
      await store.set(k, 1);
      await expect(store.set(k, 2, { expectedVersion: 0 })).rejects.toMatchObject({ actualVersion: 1 });
      await expect(store.set(key('absent'), 1, { expectedVersion: 3 })).rejects.toMatchObject({ actualVersion: 0 });
    });

    it('lets exactly one of many concurrent writers with the same expected version win', async () => {
      const store = await open();
      const k = key('race');
      await store.set(k, { writer: -1 });
      const writers = Array.from({ length: 20 }, (_, writer) =>
        store.set(k, { writer }, { expectedVersion: 1 }).then(
          (version) => ({ writer, version }),
          (error: unknown) => ({ writer, error }),
        ),
      );
      const results = await Promise.all(writers);
      const winners = results.filter((r) => 'version' in r);
      expect(winners).toHaveLength(1);
      expect(results.filter((r) => 'error' in r).every((r) => 'error' in r && r.error instanceof ConcurrencyError)).toBe(true);
      expect(await store.get(k)).toEqual({ data: { writer: winners[0]?.writer }, version: 2 });
    });

    it('lets exactly one of two stores (two connections) win the same race', async () => {
      const [a, b] = [await open(), await open()];
      const k = key('two-stores');
      const outcomes = await Promise.allSettled([a.set(k, 'a', { expectedVersion: 0 }), b.set(k, 'b', { expectedVersion: 0 })]);
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      expect((await a.get(k))?.version).toBe(1);
    });

    it('writes unconditionally without expectedVersion', async () => {
      const store = await open();
      const k = key('blind');
      await store.set(k, 1);
      await store.set(k, 2);
      expect(await store.set(k, 3)).toBe(3);
    });

    it('expires a value after its TTL (fractional seconds allowed)', async () => {
      const store = await open({ ttlSeconds: 0.5 });
      const k = key('ttl');
      await store.set(k, 'short-lived');
      expect((await store.get(k))?.data).toBe('short-lived');
      await sleep(700);
      expect(await store.get(k)).toBeUndefined();
      // An expired key is gone: it can be created again from version 1.
      expect(await store.set(k, 'again', { expectedVersion: 0 })).toBe(1);
    });

    it('honours a per-write TTL over the store default, and each write renews the TTL', async () => {
      const store = await open({ ttlSeconds: 3600 });
      const k = key('per-write-ttl');
      await store.set(k, 1, { ttlSeconds: 0.6 });
      await sleep(350);
      await store.set(k, 2, { ttlSeconds: 0.6 });
      await sleep(350); // past the first write's expiry, within the second's
      expect((await store.get(k))?.data).toBe(2);
      await sleep(600);
      expect(await store.get(k)).toBeUndefined();
    });

    it('rejects a TTL that is not a positive number', async () => {
      const store = await open();
      await expect(store.set(key('ttl0'), 1, { ttlSeconds: 0 })).rejects.toMatchObject({ code: 'validation_failed' });
      await expect(store.set(key('ttl-nan'), 1, { ttlSeconds: Number.NaN })).rejects.toMatchObject({ code: 'validation_failed' });
    });

    it('deletes one key and tells whether it existed', async () => {
      const store = await open();
      const k = key('delete');
      await store.set(k, 1);
      expect(await store.delete(k)).toBe(true);
      expect(await store.get(k)).toBeUndefined();
      expect(await store.delete(k)).toBe(false);
    });

    it('deletes every key under a prefix and nothing else', async () => {
      const store = await open();
      const shopper = key('shopper-1');
      const other = key('shopper-10');
      for (let i = 0; i < 25; i += 1) await store.set(`${shopper}/web/conv-${i}`, i);
      await store.set(`${other}/web/conv`, 'keep');
      await store.set(`${shopper.slice(0, -1)}`, 'keep too');
      expect(await store.deleteByPrefix(`${shopper}/`)).toBe(25);
      expect(await store.get(`${shopper}/web/conv-3`)).toBeUndefined();
      expect((await store.get(`${other}/web/conv`))?.data).toBe('keep');
      expect((await store.get(shopper.slice(0, -1)))?.data).toBe('keep too');
      expect(await store.deleteByPrefix(`${shopper}/`)).toBe(0);
    });

    it('treats glob characters in a prefix literally', async () => {
      const store = await open();
      const base = key('glob');
      await store.set(`${base}a*b/1`, 1);
      await store.set(`${base}a?b[x]\\/2`, 2);
      await store.set(`${base}aXb/3`, 3);
      expect(await store.deleteByPrefix(`${base}a*b/`)).toBe(1);
      expect(await store.deleteByPrefix(`${base}a?b[x]\\`)).toBe(1);
      expect((await store.get(`${base}aXb/3`))?.data).toBe(3);
    });

    it('does not count expired keys when deleting by prefix', async () => {
      const store = await open();
      const base = key('expired-prefix');
      await store.set(`${base}/gone`, 1, { ttlSeconds: 0.1 });
      await store.set(`${base}/live`, 2);
      await sleep(250);
      expect(await store.deleteByPrefix(`${base}/`)).toBe(1);
    });

    it('shares state between two stores on the same backend', async () => {
      const [a, b] = [await open(), await open()];
      const k = key('shared');
      await a.set(k, { by: 'a' });
      expect(await b.get(k)).toEqual({ data: { by: 'a' }, version: 1 });
      await b.set(k, { by: 'b' }, { expectedVersion: 1 });
      expect(await a.get(k)).toEqual({ data: { by: 'b' }, version: 2 });
    });
  });
}
