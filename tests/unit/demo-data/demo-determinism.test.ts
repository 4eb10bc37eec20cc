import { describe, expect, it } from 'vitest';
import { generateDemoData } from '../../../bots/demo-data/index.ts';

describe('demo data determinism and options', () => {
  it('gives identical output for the same seed and options', () => {
    const a = generateDemoData({ seed: 11 });
    const b = generateDemoData({ seed: 11 });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('gives different histories for different seeds but the same item ids and titles', () => {
    const a = generateDemoData({ seed: 1, shoppers: 20, months: 2 });
    const b = generateDemoData({ seed: 2, shoppers: 20, months: 2 });
    expect(JSON.stringify(b.events)).not.toBe(JSON.stringify(a.events));
    expect(b.items.map((item) => `${item.id} ${item.title.ru}`)).toEqual(a.items.map((item) => `${item.id} ${item.title.ru}`));
    expect(b.items.map((item) => item.price)).not.toEqual(a.items.map((item) => item.price));
  });

  it('honours shoppers, months and now', () => {
    const now = new Date('2027-03-15T12:00:00Z');
    const data = generateDemoData({ seed: 3, shoppers: 15, months: 1, now });
    expect(data.shoppers.map((s) => s.id)).toEqual(Array.from({ length: 15 }, (_, i) => `demo-${String(i + 1).padStart(4, '0')}`));
    const times = data.events.map((e) => Date.parse(e.ts));
    expect(Math.max(...times)).toBeLessThanOrEqual(now.getTime());
    expect(Math.min(...times)).toBeGreaterThanOrEqual(now.getTime() - 31 * 86_400_000);
    expect(new Set(data.events.map((e) => e.userId)).size).toBe(15);
    const sameByString = generateDemoData({ seed: 3, shoppers: 15, months: 1, now: now.toISOString() });
    expect(JSON.stringify(sameByString)).toBe(JSON.stringify(data));
  });

  it('scales the history with the number of shoppers and months', () => {
    const small = generateDemoData({ seed: 4, shoppers: 28, months: 1 }).events.length;
    const long = generateDemoData({ seed: 4, shoppers: 28, months: 3 }).events.length;
    expect(long).toBeGreaterThan(2 * small);
    expect(generateDemoData({ seed: 4, shoppers: 0 }).events).toEqual([]);
  });

  it('rejects nonsense options', () => {
    expect(() => generateDemoData({ seed: 1, shoppers: -1 })).toThrow(RangeError);
    expect(() => generateDemoData({ seed: 1, months: 0 })).toThrow(RangeError);
    expect(() => generateDemoData({ seed: 1, now: 'yesterday' })).toThrow(RangeError);
  });
});
