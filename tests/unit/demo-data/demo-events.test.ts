import { beforeAll, describe, expect, it } from 'vitest';
import { shopEventSchema, type ShopEvent } from '../../../core/events/shop-event.ts';
import { DEFAULT_DEMO_NOW, generateDemoData, type DemoData } from '../../../bots/demo-data/index.ts';

let data: DemoData;

beforeAll(() => {
  data = generateDemoData({ seed: 2026 });
});

describe('demo events', () => {
  it('generates 300 shoppers by default, each with orders', () => {
    expect(data.shoppers).toHaveLength(300);
    expect(data.shoppers[0]?.id).toBe('demo-0001');
    expect(data.shoppers[299]?.id).toBe('demo-0300');
    const ordering = new Set(data.events.filter((e) => e.type === 'order').map((e) => e.userId));
    for (const shopper of data.shoppers) expect(ordering.has(shopper.id), shopper.id).toBe(true);
    expect(new Set(data.shoppers.map((s) => s.persona)).size).toBeGreaterThanOrEqual(12);
  });

  it('produces only events that pass the event schema, with unique ids', () => {
    const invalid = data.events.filter((event) => !shopEventSchema.safeParse(event).success);
    expect(invalid).toEqual([]);
    expect(new Set(data.events.map((e) => e.id)).size).toBe(data.events.length);
  });

  it('has every event type', () => {
    const types = new Set(data.events.map((e) => e.type));
    expect([...types].sort()).toEqual(['add_to_cart', 'order', 'rating', 'search', 'view']);
  });

  it('refers only to existing items of the same service and known shoppers', () => {
    const items = new Map(data.items.map((item) => [item.id, item]));
    const shoppers = new Set(data.shoppers.map((s) => s.id));
    const wrong = data.events.filter((event) => {
      if (!shoppers.has(event.userId)) return true;
      if (!event.itemId) return event.type !== 'search';
      const item = items.get(event.itemId);
      if (!item || item.service !== event.service) return true;
      if ((event.type === 'order' || event.type === 'add_to_cart') && event.price !== item.price) return true;
      return event.type === 'order' && item.available === false;
    });
    expect(wrong).toEqual([]);
  });

  it('is sorted by time and spans six months ending at now', () => {
    const now = Date.parse(DEFAULT_DEMO_NOW);
    const times = data.events.map((e) => Date.parse(e.ts));
    expect(times.findIndex((t, i) => i > 0 && t < times[i - 1]!)).toBe(-1);
    expect(times.at(-1)!).toBeLessThanOrEqual(now);
    expect(times[0]!).toBeGreaterThanOrEqual(now - 181 * 86_400_000);
    expect(now - times.at(-1)!).toBeLessThan(86_400_000);
    expect(times[0]! - (now - 180 * 86_400_000)).toBeLessThan(86_400_000);
  });

  it('groups order lines of one order: same shopper and service, one moment, one line per item', () => {
    const orders = new Map<string, ShopEvent[]>();
    const lineEvents = data.events.filter((e) => e.type === 'order');
    expect(lineEvents.filter((e) => !e.orderId || !(e.quantity! > 0))).toEqual([]);
    for (const event of lineEvents) {
      const lines = orders.get(event.orderId!) ?? [];
      lines.push(event);
      orders.set(event.orderId!, lines);
    }
    const inconsistent = [...orders.entries()].filter(([orderId, lines]) => {
      const times = lines.map((l) => Date.parse(l.ts));
      return new Set(lines.map((l) => `${l.userId}|${l.service}`)).size !== 1
        || Math.max(...times) - Math.min(...times) >= 60_000
        || new Set(lines.map((l) => l.itemId)).size !== lines.length
        || !orderId.startsWith(`${lines[0]!.userId}-o`);
    });
    expect(inconsistent.map(([orderId]) => orderId)).toEqual([]);
    const multiLine = [...orders.values()].filter((lines) => lines.length > 1).length;
    expect(multiLine / orders.size).toBeGreaterThan(0.3);
  });

  it('searches mostly in Russian and sometimes in English', () => {
    const queries = data.events.filter((e) => e.type === 'search').map((e) => e.query!);
    const russian = queries.filter((q) => /[а-яё]/i.test(q)).length / queries.length;
    expect(russian).toBeGreaterThan(0.7);
    expect(russian).toBeLessThan(0.97);
  });

  it('rates with 1..5 stars, mostly good for repeat purchases', () => {
    const ratings = data.events.filter((e) => e.type === 'rating').map((e) => e.rating!);
    expect(ratings.length).toBeGreaterThan(300);
    const mean = ratings.reduce((a, b) => a + b, 0) / ratings.length;
    expect(mean).toBeGreaterThan(3.8);
    expect(mean).toBeLessThan(5);
  });
});
