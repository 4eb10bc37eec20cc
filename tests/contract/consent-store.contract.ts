import { afterAll, describe, expect, it } from 'vitest';
import type { ConsentStore } from '../../core/stores/consent-store.ts';

/** Creates an empty consent store. */
export interface ConsentStoreFactory {
  create(): Promise<ConsentStore>;
}

/** The shared contract of {@link ConsentStore}. */
export function consentStoreContract(name: string, factory: ConsentStoreFactory): void {
  describe(`ConsentStore contract: ${name}`, () => {
    const opened: ConsentStore[] = [];
    const open = async () => {
      const store = await factory.create();
      opened.push(store);
      return store;
    };
    afterAll(async () => Promise.all(opened.map((s) => s.close())));

    it('keeps the latest decision per purpose and the whole history with timestamps', async () => {
      const store = await open();
      expect(await store.current('s')).toEqual({});
      await store.record({ shopperId: 's', purpose: 'personalization', granted: true, at: '2026-01-01T00:00:00.000Z', source: 'app' });
      await store.record({ shopperId: 's', purpose: 'analytics', granted: true, at: '2026-01-01T00:00:00.000Z' });
      await store.record({ shopperId: 's', purpose: 'personalization', granted: false, at: '2026-01-03T00:00:00.000Z', source: 'telegram' });
      // Recorded late but decided earlier: it does not override the newer decision.
      await store.record({ shopperId: 's', purpose: 'personalization', granted: true, at: '2026-01-02T00:00:00.000Z' });
      const current = await store.current('s');
      expect(current.personalization).toEqual({ shopperId: 's', purpose: 'personalization', granted: false, at: '2026-01-03T00:00:00.000Z', source: 'telegram' });
      expect(current.analytics?.granted).toBe(true);
      const history = await store.history('s');
      expect(history.map((h) => `${h.at.slice(0, 10)} ${h.purpose} ${h.granted}`)).toEqual([
        '2026-01-01 personalization true',
        '2026-01-01 analytics true',
        '2026-01-02 personalization true',
        '2026-01-03 personalization false',
      ]);
      expect(await store.current('other')).toEqual({});
    });

    it('deletes a shopper’s decisions', async () => {
      const store = await open();
      await store.record({ shopperId: 'd', purpose: 'analytics', granted: true, at: '2026-01-01T00:00:00.000Z' });
      await store.record({ shopperId: 'keep', purpose: 'analytics', granted: true, at: '2026-01-01T00:00:00.000Z' });
      expect(await store.deleteByShopper('d')).toBe(1);
      expect(await store.history('d')).toEqual([]);
      expect(await store.history('keep')).toHaveLength(1);
    });
  });
}
