import { beforeAll, describe, expect, it } from 'vitest';
import type { CatalogItem } from '../../../core/catalog/catalog-item.ts';
import type { ShopEvent } from '../../../core/events/shop-event.ts';
import { DEMO_PERSONA_COUNT, DEMO_SHOPPERS_DESCRIPTION, generateDemoData, type DemoData } from '../../../bots/demo-data/index.ts';

const DAY = 86_400_000;
let data: DemoData;
let items: Map<string, CatalogItem>;
let personaOf: Map<string, string>;

/** Events of one persona's shoppers, with their items. */
function eventsOf(persona: string, types: readonly ShopEvent['type'][] = ['order']): { event: ShopEvent; item: CatalogItem }[] {
  return data.events
    .filter((event) => personaOf.get(event.userId) === persona && types.includes(event.type) && event.itemId)
    .map((event) => ({ event, item: items.get(event.itemId!)! }));
}

const tagged = (item: CatalogItem, tag: string): boolean => item.tags?.includes(tag) ?? false;
const moscowHour = (ts: string): number => new Date(Date.parse(ts) + 3 * 3_600_000).getUTCHours();
const moscowWeekday = (ts: string): number => new Date(Date.parse(ts) + 3 * 3_600_000).getUTCDay();
const isFood = (item: CatalogItem): boolean =>
  !/^(Электроника|Бытовая техника|Дом|Зоотовары|Аптека|Здоровье\/(Медтехника|Гигиена)|Детские товары\/(Подгузники|Гигиена|Игрушки))/.test(item.category);

/** Median days between one shopper's successive orders of items matching `filter`. */
function medianIntervalDays(shopperId: string, filter: (item: CatalogItem) => boolean): number | undefined {
  const times = [...new Set(data.events
    .filter((e) => e.userId === shopperId && e.type === 'order' && filter(items.get(e.itemId!)!))
    .map((e) => Date.parse(e.ts)))].sort((a, b) => a - b);
  if (times.length < 4) return undefined;
  const gaps = times.slice(1).map((t, i) => (t - times[i]!) / DAY).sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length / 2)];
}

const shoppersOf = (persona: string) => data.shoppers.filter((s) => s.persona === persona);

beforeAll(() => {
  data = generateDemoData({ seed: 7 });
  items = new Map(data.items.map((item) => [item.id, item]));
  personaOf = new Map(data.shoppers.map((s) => [s.id, s.persona]));
});

describe('demo personas', () => {
  it('never lets the vegan runner order, view or add meat, fish or non-vegan food', () => {
    const all = eventsOf('vegan_runner', ['order', 'view', 'add_to_cart', 'rating']);
    expect(all.length).toBeGreaterThan(1000);
    expect(all.filter(({ item }) => tagged(item, 'meat') || tagged(item, 'fish')).map(({ item }) => item.title.ru)).toEqual([]);
    expect(all.filter(({ item }) => isFood(item) && !tagged(item, 'vegan')).map(({ item }) => item.title.ru)).toEqual([]);
    const sport = eventsOf('vegan_runner').filter(({ event, item }) => event.service === 'kuper' && item.category.startsWith('Спортивное питание'));
    expect(new Set(sport.map(({ event }) => event.userId)).size).toBe(shoppersOf('vegan_runner').length);
  });

  it('sells alcohol only to party hosts, and every party host buys it', () => {
    const alcohol = data.events.filter((e) => e.itemId && tagged(items.get(e.itemId)!, 'alcohol'));
    expect(alcohol.length).toBeGreaterThan(100);
    expect([...new Set(alcohol.map((e) => personaOf.get(e.userId)))]).toEqual(['party_host']);
    const buyers = new Set(alcohol.filter((e) => e.type === 'order').map((e) => e.userId));
    for (const host of shoppersOf('party_host')) expect(buyers.has(host.id), host.id).toBe(true);
  });

  it('keeps the gluten-free and lactose-intolerant diets', () => {
    const glutenFree = eventsOf('gluten_free', ['order', 'view']).filter(({ item }) => isFood(item));
    expect(glutenFree.length).toBeGreaterThan(500);
    expect(glutenFree.filter(({ item }) => !tagged(item, 'gluten_free')).map(({ item }) => item.title.ru)).toEqual([]);
    const dairy = eventsOf('lactose_intolerant', ['order', 'view']).filter(({ item }) => /^(Молочные продукты|Сыры)/.test(item.category));
    expect(dairy.length).toBeGreaterThan(300);
    expect(dairy.filter(({ item }) => !tagged(item, 'lactose_free')).map(({ item }) => item.title.ru)).toEqual([]);
  });

  it('has the night snacker order between 22:00 and 02:00 Moscow time, crisps and cola included', () => {
    const orders = eventsOf('night_snacker');
    expect(orders.filter(({ event }) => ![22, 23, 0, 1].includes(moscowHour(event.ts)))).toEqual([]);
    expect(orders.some(({ item }) => item.category === 'Снеки/Чипсы')).toBe(true);
    expect(orders.some(({ item }) => /кола/.test(item.title.ru))).toBe(true);
  });

  it('times party orders on Fridays and Saturdays and office lunches on weekdays at noon', () => {
    expect(eventsOf('party_host').filter(({ event }) => ![5, 6].includes(moscowWeekday(event.ts)))).toEqual([]);
    const lunches = eventsOf('office_lunch');
    expect(lunches.filter(({ event }) => [0, 6].includes(moscowWeekday(event.ts)) || ![12, 13, 14].includes(moscowHour(event.ts)))).toEqual([]);
  });

  it('gives the family with a baby milk every 3-4 days and nappies from Megamarket', () => {
    const milk = (item: CatalogItem) => item.category === 'Молочные продукты/Молоко';
    const medians = shoppersOf('family_baby').map((s) => medianIntervalDays(s.id, milk)).filter((m) => m !== undefined);
    expect(medians.length).toBeGreaterThan(10);
    const sorted = medians.sort((a, b) => a - b);
    expect(sorted[Math.floor(sorted.length / 2)]).toBeGreaterThan(2.5);
    expect(sorted[Math.floor(sorted.length / 2)]).toBeLessThan(4.8);
    const nappies = eventsOf('family_baby').filter(({ event, item }) => event.service === 'megamarket' && item.category === 'Детские товары/Подгузники');
    expect(new Set(nappies.map(({ event }) => event.userId)).size).toBe(shoppersOf('family_baby').length);
  });

  it('has cat owners buy wet cat food about every two weeks', () => {
    const wet = (item: CatalogItem) => /Корм влажный для кошек/.test(item.title.ru);
    const medians = shoppersOf('cat_owner').map((s) => medianIntervalDays(s.id, wet)).filter((m) => m !== undefined).sort((a, b) => a - b);
    expect(medians.length).toBeGreaterThan(10);
    const median = medians[Math.floor(medians.length / 2)]!;
    expect(median).toBeGreaterThan(10);
    expect(median).toBeLessThan(19);
    const others = data.events.filter((e) => e.type === 'order' && wet(items.get(e.itemId!)!) && personaOf.get(e.userId) !== 'cat_owner');
    expect(others).toEqual([]);
  });

  it('has the gadget fan browse Megamarket electronics most of the time', () => {
    const views = eventsOf('gadget_fan', ['view']);
    const electronics = views.filter(({ item }) => /^(Электроника|Бытовая техника)/.test(item.category)).length;
    expect(electronics / views.length).toBeGreaterThan(0.6);
    const perShopper = views.length / shoppersOf('gadget_fan').length;
    const others = eventsOf('home_cook', ['view']).length / shoppersOf('home_cook').length;
    expect(perShopper).toBeGreaterThan(2 * others);
  });

  it('has the student buy from the cheap end of each shelf', () => {
    const byCategory = new Map<string, number[]>();
    for (const item of data.items) byCategory.set(item.category, [...(byCategory.get(item.category) ?? []), item.price]);
    const medianOf = (category: string) => {
      const prices = byCategory.get(category)!.slice().sort((a, b) => a - b);
      return prices[Math.floor(prices.length / 2)]!;
    };
    const orders = eventsOf('student_budget');
    const cheap = orders.filter(({ item }) => item.price <= medianOf(item.category)).length;
    expect(cheap / orders.length).toBeGreaterThan(0.9);
  });

  it('describes the first shopper of every persona for demo hints', () => {
    expect(DEMO_SHOPPERS_DESCRIPTION).toHaveLength(DEMO_PERSONA_COUNT);
    for (const description of DEMO_SHOPPERS_DESCRIPTION) {
      const shopper = data.shoppers.find((s) => s.id === description.id);
      expect(shopper?.persona).toBe(description.persona);
      expect(description.name.ru).toMatch(/[а-яё]/i);
      expect(description.name.en).toMatch(/^[A-Z]/);
    }
    expect(DEMO_SHOPPERS_DESCRIPTION[0]).toMatchObject({ id: 'demo-0001', persona: 'vegan_runner' });
  });

  it('lists the services each shopper actually ordered from', () => {
    const used = new Map<string, Set<string>>();
    for (const event of data.events) {
      if (event.type === 'order') used.set(event.userId, (used.get(event.userId) ?? new Set()).add(event.service));
    }
    for (const shopper of data.shoppers) expect(new Set(shopper.services), shopper.id).toEqual(used.get(shopper.id));
  });
});
