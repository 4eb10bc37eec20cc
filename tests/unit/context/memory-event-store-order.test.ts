import { describe, expect, it } from 'vitest';
import type { ShopEvent } from '../../../core/events/shop-event.ts';
import { createRandom } from '../../../core/reco/random.ts';
import type { EventQuery } from '../../../core/stores/event-store.ts';
import { MemoryEventStore } from '../../../core/stores/memory-event-store.ts';

const DAY = 86_400_000;
const BASE = Date.parse('2026-01-01T00:00:00Z');
const ev = (id: string, day: number, extra: Partial<ShopEvent> = {}): ShopEvent => ({
  id, userId: 'u', service: 'samokat', type: 'view', itemId: 'milk', ts: new Date(BASE + day * DAY).toISOString(), ...extra,
}) as ShopEvent;
const ids = (events: readonly ShopEvent[]) => events.map((e) => e.id);
const at = (day: number) => new Date(BASE + day * DAY);

/** The listing the interface describes, computed the plain way: filter, sort by time then id, cut. */
function reference(events: readonly ShopEvent[], query: EventQuery): string[] {
  const from = query.from?.getTime() ?? -Infinity;
  const to = query.to?.getTime() ?? Infinity;
  const sorted = events
    .filter((e) => Date.parse(e.ts) >= from && Date.parse(e.ts) < to && (!query.service || e.service === query.service))
    .sort((a, b) => Date.parse(a.ts) - Date.parse(b.ts) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return ids(query.limit === undefined ? sorted : sorted.slice(0, query.limit));
}

describe('MemoryEventStore ordering', () => {
  it('places out-of-order events at their time', async () => {
    const store = new MemoryEventStore();
    await store.appendMany([ev('d5', 5), ev('d1', 1), ev('d9', 9), ev('d3', 3)]);
    await store.appendMany([ev('d0', 0), ev('d7', 7), ev('d10', 10)]);
    expect(ids(await store.listByUser('u'))).toEqual(['d0', 'd1', 'd3', 'd5', 'd7', 'd9', 'd10']);
  });

  it('orders events of the same instant by id whatever their arrival order (the interface contract)', async () => {
    const store = new MemoryEventStore();
    await store.appendMany([ev('b', 1), ev('c', 1), ev('a', 1), ev('z', 0)]);
    await store.appendMany([ev('bb', 1), ev('later', 2), ev('aa', 1)]);
    // Same instant written with another offset.
    await store.appendMany([ev('ab', 0, { ts: '2026-01-02T03:00:00+03:00' })]);
    expect(ids(await store.listByUser('u'))).toEqual(['z', 'a', 'aa', 'ab', 'b', 'bb', 'c', 'later']);
  });

  it('applies from (inclusive), to (exclusive), service and limit over the ordered events', async () => {
    const store = new MemoryEventStore();
    await store.appendMany([ev('d4', 4), ev('d2', 2, { service: 'kuper' }), ev('d1', 1), ev('d3', 3), ev('d2b', 2), ev('d5', 5)]);
    expect(ids(await store.listByUser('u', { from: at(2) }))).toEqual(['d2', 'd2b', 'd3', 'd4', 'd5']);
    expect(ids(await store.listByUser('u', { to: at(3) }))).toEqual(['d1', 'd2', 'd2b']);
    expect(ids(await store.listByUser('u', { from: at(2), to: at(4), limit: 2 }))).toEqual(['d2', 'd2b']);
    expect(ids(await store.listByUser('u', { from: at(2), limit: 0 }))).toEqual([]);
    expect(ids(await store.listByUser('u', { from: at(2), service: 'samokat', limit: 2 }))).toEqual(['d2b', 'd3']);
    expect(ids(await store.listByUser('u', { service: 'kuper' }))).toEqual(['d2']);
    expect(ids(await store.listByUser('u', { from: at(6) }))).toEqual([]);
    expect(ids(await store.listByUser('u', { from: at(3), to: at(3) }))).toEqual([]);
  });

  it('returns arrays the caller may change without changing the store', async () => {
    const store = new MemoryEventStore();
    await store.appendMany([ev('d1', 1), ev('d2', 2)]);
    const first = await store.listByUser('u');
    first.reverse();
    first.push(ev('fake', 0));
    expect(() => { (first[0] as { itemId?: string }).itemId = 'changed'; }).toThrow();
    expect(ids(await store.listByUser('u'))).toEqual(['d1', 'd2']);
    expect((await store.listByUser('u'))[1]!.itemId).toBe('milk');
  });

  it('keeps the order through deletions by id, erasure and duplicate ids', async () => {
    const store = new MemoryEventStore();
    await store.appendMany([ev('d3', 3), ev('d1', 1), ev('d2', 2), ev('other', 1, { userId: 'w' })]);
    expect(await store.appendMany([ev('d1', 9), ev('d0', 0)])).toEqual(['duplicate', 'accepted']);
    expect(await store.deleteByIds(['d2', 'missing'])).toBe(1);
    expect(ids(await store.listByUser('u'))).toEqual(['d0', 'd1', 'd3']);
    expect(await store.appendMany([ev('d2', 2)])).toEqual(['accepted']);
    expect(ids(await store.listByUser('u'))).toEqual(['d0', 'd1', 'd2', 'd3']);
    expect(await store.deleteByUser('u')).toBe(4);
    expect(await store.listByUser('u')).toEqual([]);
    expect(ids(await store.listByUser('w'))).toEqual(['other']);
    expect(await store.count()).toBe(1);
    expect(await store.appendMany([ev('d1', 1)])).toEqual(['accepted']);
    expect(ids(await store.listByUser('u'))).toEqual(['d1']);
  });

  it('lists exactly what filtering and sorting all events would, over random appends and deletions', async () => {
    const random = createRandom(7);
    const store = new MemoryEventStore();
    const live = new Map<string, ShopEvent>();
    for (let round = 0; round < 40; round += 1) {
      const batch: ShopEvent[] = [];
      for (let i = 0; i < 25; i += 1) {
        // Mostly in time order with some late arrivals and many shared instants.
        const day = random.next() < 0.8 ? round + random.int(3) : random.int(round + 1);
        const event = ev(`e${random.int(800)}`, day, { service: random.next() < 0.5 ? 'samokat' : 'kuper' });
        batch.push(event);
      }
      const outcomes = await store.appendMany(batch);
      batch.forEach((event, i) => { if (outcomes[i] === 'accepted') live.set(event.id, event); });
      const doomed = [...live.keys()].filter(() => random.next() < 0.05);
      expect(await store.deleteByIds(doomed)).toBe(doomed.length);
      for (const id of doomed) live.delete(id);
      const queries: EventQuery[] = [{}, { limit: random.int(30) }, { from: at(random.int(round + 2)) },
        { from: at(random.int(20)), to: at(random.int(40)), service: 'kuper', limit: random.int(20) }];
      for (const query of queries) expect(ids(await store.listByUser('u', query))).toEqual(reference([...live.values()], query));
    }
    expect(await store.count()).toBe(live.size);
  });
});
