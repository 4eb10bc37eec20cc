import { afterAll, describe, expect, it } from 'vitest';
import type { ShopEvent } from '../../core/events/shop-event.ts';
import type { EventStore } from '../../core/stores/event-store.ts';

/** Creates an empty event store. */
export interface EventStoreFactory {
  create(): Promise<EventStore>;
}

const ev = (id: string, userId: string, ts: string, extra: Partial<ShopEvent> = {}): ShopEvent => ({
  id,
  userId,
  service: 'samokat',
  type: 'view',
  itemId: 'milk',
  ts,
  ...extra,
}) as ShopEvent;

/** The shared contract of {@link EventStore}. */
export function eventStoreContract(name: string, factory: EventStoreFactory): void {
  describe(`EventStore contract: ${name}`, () => {
    const opened: EventStore[] = [];
    const open = async () => {
      const store = await factory.create();
      opened.push(store);
      return store;
    };
    afterAll(async () => Promise.all(opened.map((s) => s.close())));

    it('accepts new ids and reports repeated ids as duplicates, also inside one batch', async () => {
      const store = await open();
      const a = ev('a', 'u1', '2026-01-01T00:00:00Z');
      expect(await store.appendMany([a, ev('b', 'u1', '2026-01-02T00:00:00Z'), { ...a, userId: 'u2' }])).toEqual(['accepted', 'accepted', 'duplicate']);
      expect(await store.appendMany([ev('c', 'u1', '2026-01-03T00:00:00Z'), a])).toEqual(['accepted', 'duplicate']);
      expect(await store.count()).toBe(3);
      expect(await store.has('a')).toBe(true);
      expect(await store.has('zzz')).toBe(false);
      expect((await store.listByUser('u2'))).toEqual([]);
    });

    it('lists a shopper’s events by time then id, filtered by service and time range', async () => {
      const store = await open();
      await store.appendMany([
        ev('3', 'u', '2026-01-03T00:00:00Z'),
        ev('1', 'u', '2026-01-01T00:00:00Z', { service: 'kuper' }),
        ev('2b', 'u', '2026-01-02T00:00:00+03:00'),
        ev('2a', 'u', '2026-01-01T21:00:00Z'),
        ev('other', 'v', '2026-01-01T00:00:00Z'),
      ]);
      expect((await store.listByUser('u')).map((e) => e.id)).toEqual(['1', '2a', '2b', '3']);
      expect((await store.listByUser('u', { service: 'samokat' })).map((e) => e.id)).toEqual(['2a', '2b', '3']);
      const ranged = await store.listByUser('u', { from: new Date('2026-01-01T21:00:00Z'), to: new Date('2026-01-03T00:00:00Z') });
      expect(ranged.map((e) => e.id)).toEqual(['2a', '2b']);
      expect((await store.listByUser('u', { limit: 1 })).map((e) => e.id)).toEqual(['1']);
      expect((await store.listByUser('u'))[0]).toEqual(ev('1', 'u', '2026-01-01T00:00:00Z', { service: 'kuper' }));
    });

    it('deletes by shopper and by id; deleted ids can be appended again', async () => {
      const store = await open();
      await store.appendMany([ev('a', 'u', '2026-01-01T00:00:00Z'), ev('b', 'u', '2026-01-02T00:00:00Z'), ev('c', 'w', '2026-01-02T00:00:00Z')]);
      expect(await store.deleteByIds(['c', 'nope'])).toBe(1);
      expect(await store.deleteByUser('u')).toBe(2);
      expect(await store.deleteByUser('u')).toBe(0);
      expect(await store.listByUser('u')).toEqual([]);
      expect(await store.count()).toBe(0);
      expect(await store.appendMany([ev('a', 'u', '2026-01-01T00:00:00Z')])).toEqual(['accepted']);
    });
  });
}
