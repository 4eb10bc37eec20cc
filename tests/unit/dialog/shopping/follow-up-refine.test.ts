import { beforeAll, describe, expect, it } from 'vitest';
import type { CatalogItem } from '../../../../core/catalog/catalog-item.ts';
import { shoppingRecognizer, shoppingWorld } from './fixture.ts';

beforeAll(() => {
  shoppingRecognizer();
}, 60_000);

const item = (id: string, ru: string, en: string, category: string, price: number, brand?: string): CatalogItem => ({
  id, service: 'megamarket', title: { ru, en }, category, price, currency: 'RUB', tags: [], ...(brand ? { brand } : {}),
});

/** Electronics beside the fixture's groceries: wired and wireless headphones, a wireless gamepad, chargers, a phone case. */
const ELECTRONICS: CatalogItem[] = [
  item('m-hp-wired', 'Наушники проводные Sony, чёрный', 'Sony wired headphones, black', 'Электроника/Наушники', 1490, 'Sony'),
  item('m-hp-wl', 'Наушники беспроводные Xiaomi Redmi Buds 5, чёрный', 'Xiaomi Redmi Buds 5 wireless earbuds, black', 'Электроника/Наушники', 2790, 'Xiaomi'),
  item('m-hp-wl-white', 'Наушники беспроводные HONOR Earbuds X5, белый', 'HONOR Earbuds X5 wireless earbuds, white', 'Электроника/Наушники', 2290, 'HONOR'),
  item('m-hp-pro', 'Наушники беспроводные Apple AirPods Pro 2, белый', 'Apple AirPods Pro 2 wireless earbuds, white', 'Электроника/Наушники', 22990, 'Apple'),
  item('m-pad', 'Геймпад беспроводной Microsoft Xbox, чёрный', 'Microsoft Xbox wireless controller, black', 'Электроника/Игры', 4990, 'Microsoft'),
  item('m-ch-samsung', 'Зарядное устройство USB-C Samsung, 65 Вт', 'Samsung USB-C charger, 65 W', 'Электроника/Аксессуары', 1390, 'Samsung'),
  item('m-ch-apple', 'Зарядное устройство USB-C Apple, 20 Вт', 'Apple USB-C charger, 20 W', 'Электроника/Аксессуары', 1990, 'Apple'),
  item('m-case', 'Чехол для смартфона uBear, iPhone 15', 'uBear phone case, iPhone 15', 'Электроника/Аксессуары', 629, 'uBear'),
];

async function world() {
  const w = await shoppingWorld();
  await w.catalog.upsertMany(ELECTRONICS);
  return w;
}

const wireless = (id: string) => ['m-hp-wl', 'm-hp-wl-white', 'm-hp-pro'].includes(id);

describe('a follow-up that only adds a property refines the last request', () => {
  it('keeps the product and the budget: "а беспроводные?", "а подешевле есть беспроводные?", "а белые?"; "а чайник?" is new', async () => {
    const c = (await world()).chat();
    await c.send('нужны наушники до 5000');
    c.expectCards({ min: 2, every: (card) => card.price <= 5000 && /Наушники/.test(card.title) });
    await c.send('а беспроводные?');
    const refined = c.expectCards({ min: 2, every: (card) => wireless(card.itemId) && card.price <= 5000 });
    expect(refined.text).toMatch(/наушники беспроводные.*до 5\s000/);
    await c.send('а подешевле есть беспроводные?');
    const cheap = c.expectCards({ min: 2, every: (card) => wireless(card.itemId) && card.price <= 5000 });
    expect(cheap.cards[0]!.price).toBeLessThanOrEqual(cheap.cards[1]!.price);
    await c.send('а белые?');
    c.expectCards({ count: 1, every: (card) => card.itemId === 'm-hp-wl-white' });
    await c.send('а красные?');
    c.expectReply(/Не нашёл «наушники беспроводные белые красные»/);
    await c.send('а чайник?');
    c.expectCards({ min: 1, every: (card) => card.itemId === 'm-kettle' });
  });

  it('in English: "and wireless ones?", "what about black?"', async () => {
    const c = (await world()).chat();
    await c.send('find headphones under 5000');
    c.expectCards({ min: 2, every: (card) => card.price <= 5000 });
    await c.send('and wireless ones?');
    c.expectCards({ min: 2, every: (card) => wireless(card.itemId) && card.price <= 5000 });
    await c.send('what about black?');
    c.expectCards({ count: 1, every: (card) => card.itemId === 'm-hp-wl' });
  });
});

describe('brands typed in Russian', () => {
  it('"зарядку для айфона" puts the Apple charger first and the reason names what matched', async () => {
    const c = (await world()).chat();
    await c.send('найди зарядку для айфона');
    const found = c.expectCards({ min: 1 });
    expect(found.cards[0]!.itemId).toBe('m-ch-apple');
    expect(found.cards[0]!.reason).toMatch(/«зарядку для айфона»/);
    const samsung = found.cards.find((card) => card.itemId === 'm-ch-samsung');
    if (samsung) expect(samsung.reason).toMatch(/«зарядку»/);
  });

  it('"самсунга", "сяоми" count as the brand', async () => {
    const c = (await world()).chat();
    await c.send('найди зарядку самсунга');
    expect(c.expectCards({ min: 1 }).cards[0]!.itemId).toBe('m-ch-samsung');
    await c.send('найди наушники сяоми');
    expect(c.expectCards({ min: 1 }).cards[0]!.itemId).toBe('m-hp-wl');
  });
});

describe('"к нему" is the item just talked about', () => {
  it('a case for the headphones just added: none here, said plainly, the phone cases only as something else', async () => {
    const c = (await world()).chat();
    await c.send('нужны наушники');
    const shown = c.expectCards({ min: 1 });
    await c.send('добавь первые');
    c.expectReply(/Добавил/);
    await c.send('а чехол к нему есть?');
    c.expectReply({ type: 'text', text: new RegExp(`«чехол» для «${shown.cards[0]!.title}» в каталоге нет[\\s\\S]*не подойдут`) });
    await c.send('да');
    c.expectCards({ count: 1, every: (card) => card.itemId === 'm-case' });
  });

  it('a case for the phone just added is found; "is there a case for it?" in English', async () => {
    const w = await world();
    await w.catalog.upsertMany([item('m-iphone', 'Смартфон Apple iPhone 15', 'Apple iPhone 15 smartphone', 'Электроника/Смартфоны', 79990, 'Apple'),
      item('m-case-hp', 'Чехол для наушников AirPods Pro', 'AirPods Pro headphone case', 'Электроника/Аксессуары', 990)]);
    const ru = w.chat();
    await ru.send('найди смартфон');
    await ru.send('добавь первый');
    ru.expectReply(/Добавил «Смартфон/);
    await ru.send('а чехол к нему есть?');
    ru.expectCards({ min: 1, every: (card) => card.itemId === 'm-case' });
    const en = w.chat();
    await en.send('find headphones');
    await en.send('add the first one');
    en.expectReply(/Added/);
    await en.send('is there a case for it?');
    en.expectCards({ min: 1, every: (card) => card.itemId === 'm-case-hp' });
  });
});
