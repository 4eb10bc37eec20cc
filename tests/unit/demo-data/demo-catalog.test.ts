import { beforeAll, describe, expect, it } from 'vitest';
import { catalogItemSchema, type CatalogItem } from '../../../core/catalog/catalog-item.ts';
import { generateDemoData } from '../../../bots/demo-data/index.ts';

const CYRILLIC = /[а-яё]/i;
const FOOD_ROOTS = new Set(['Готовая еда', 'Молочные продукты', 'Сыры', 'Яйца', 'Хлеб и выпечка', 'Овощи и фрукты', 'Мясо и птица',
  'Колбасы и сосиски', 'Рыба и морепродукты', 'Растительные продукты', 'Бакалея', 'Замороженные продукты', 'Снеки', 'Сладости',
  'Напитки', 'Алкоголь', 'Спортивное питание']);
const root = (item: CatalogItem): string => item.category.split('/')[0] ?? '';
const has = (item: CatalogItem, tag: string): boolean => item.tags?.includes(tag) ?? false;
const isFood = (item: CatalogItem): boolean => FOOD_ROOTS.has(root(item)) || item.category === 'Детские товары/Детское питание';

let items: CatalogItem[];

beforeAll(() => {
  items = generateDemoData({ seed: 1, shoppers: 0 }).items;
});

describe('demo catalog', () => {
  it('has at least 3,000 items that all pass the catalog schema', () => {
    expect(items.length).toBeGreaterThanOrEqual(3000);
    for (const item of items) expect(catalogItemSchema.safeParse(item).success, item.id).toBe(true);
  });

  it('gives every item a unique id of the form service-000123', () => {
    expect(new Set(items.map((item) => item.id)).size).toBe(items.length);
    for (const item of items) expect(item.id).toMatch(new RegExp(`^${item.service}-\\d{6}$`));
  });

  it('covers the departments of all three services', () => {
    const departments = (service: string) => new Set(items.filter((item) => item.service === service).map(root));
    expect([...departments('samokat')]).toEqual(expect.arrayContaining(['Готовая еда', 'Молочные продукты', 'Овощи и фрукты', 'Снеки', 'Напитки']));
    expect([...departments('megamarket')]).toEqual(expect.arrayContaining(['Электроника', 'Дом', 'Бытовая техника', 'Детские товары', 'Зоотовары']));
    expect([...departments('kuper')]).toEqual(expect.arrayContaining(['Молочные продукты', 'Мясо и птица', 'Аптека', 'Спортивное питание', 'Здоровье']));
    for (const service of ['samokat', 'megamarket', 'kuper']) {
      expect(items.filter((item) => item.service === service).length).toBeGreaterThan(500);
    }
    expect(items.some((item) => item.category === 'Молочные продукты/Молоко')).toBe(true);
  });

  it('has a Russian and an English title for every item', () => {
    for (const item of items) {
      expect(item.title.ru, item.id).toMatch(CYRILLIC);
      expect(item.title.en, item.id).toBeDefined();
      expect(item.title.en, item.id).not.toMatch(CYRILLIC);
      expect(item.title.en, item.id).toMatch(/^[A-Z0-9«"'’.]/);
    }
    const milk = items.find((item) => item.title.ru.startsWith('Молоко ультрапастеризованное Простоквашино, 3,2%, 1 л'));
    expect(milk?.title.en).toBe('Prostokvashino UHT milk, 3.2%, 1 L');
  });

  it('prices items in plausible ruble ranges per shelf', () => {
    const prices = (category: string) => items.filter((item) => item.category === category).map((item) => item.price);
    const outside = (category: string, min: number, max: number) => prices(category).filter((price) => price < min || price > max);
    expect(prices('Молочные продукты/Молоко').length).toBeGreaterThan(50);
    expect(outside('Молочные продукты/Молоко', 30, 400)).toEqual([]);
    expect(outside('Овощи и фрукты/Фрукты', 30, 600)).toEqual([]);
    expect(outside('Электроника/Смартфоны', 5000, 200_000)).toEqual([]);
    expect(outside('Электроника/Ноутбуки', 20_000, 300_000)).toEqual([]);
    expect(items.filter((item) => item.currency !== 'RUB' || !(item.price > 0))).toEqual([]);
  });

  it('marks about 3% of items unavailable', () => {
    const share = items.filter((item) => item.available === false).length / items.length;
    expect(share).toBeGreaterThan(0.01);
    expect(share).toBeLessThan(0.06);
  });

  it('tags every meat shelf and meat-named dish as meat, and nothing vegetarian as meat or fish', () => {
    const meatWords = /курин|куриц|цыпл|говя|свин|индейк|ветчин|бекон|колбас|салями|пепперони|сосиск|сардельк|фарш|пельмен/i;
    for (const item of items) {
      if (root(item) === 'Мясо и птица' || root(item) === 'Колбасы и сосиски') expect(has(item, 'meat'), item.title.ru).toBe(true);
      if (isFood(item) && meatWords.test(item.title.ru) && !/растительн|^Яйца/i.test(item.title.ru)) {
        expect(has(item, 'meat'), item.title.ru).toBe(true);
      }
      if (has(item, 'vegan') || has(item, 'vegetarian')) {
        expect(has(item, 'meat') || has(item, 'fish'), item.title.ru).toBe(false);
      }
      if (has(item, 'vegan')) expect(has(item, 'vegetarian'), item.title.ru).toBe(true);
    }
  });

  it('tags fish, nuts, alcohol, lactose, gluten and sugar facts that the title states', () => {
    for (const item of items.filter(isFood)) {
      const ru = item.title.ru;
      if (/лосос|форел|треск|сельд|тунц|тунец|кревет|краб/i.test(ru)) expect(has(item, 'fish'), ru).toBe(true);
      if (/арахис|миндал|кешью|фундук|орех/i.test(ru)) expect(has(item, 'contains_nuts'), ru).toBe(true);
      if (/безлактоз|растительн.*молок|Напиток (овсяный|соевый|миндальный|кокосовый)/i.test(ru)) expect(has(item, 'lactose_free'), ru).toBe(true);
      if (/без глютена/i.test(ru)) expect(has(item, 'gluten_free'), ru).toBe(true);
      if (/без сахара/i.test(ru)) expect(has(item, 'sugar_free'), ru).toBe(true);
    }
    for (const item of items) {
      if (root(item) === 'Алкоголь') expect(has(item, 'alcohol'), item.title.ru).toBe(true);
      if (has(item, 'alcohol')) expect(has(item, '18+'), item.title.ru).toBe(true);
      if (item.category.startsWith('Детские товары/')) expect(has(item, 'kids'), item.title.ru).toBe(true);
    }
  });

  it('tags well-known products truthfully', () => {
    const find = (pattern: RegExp) => {
      const found = items.filter((item) => pattern.test(item.title.ru));
      expect(found.length, String(pattern)).toBeGreaterThan(0);
      return found;
    };
    for (const oat of find(/^Напиток овсяный/)) expect(oat.tags).toEqual(expect.arrayContaining(['vegan', 'lactose_free']));
    for (const salami of find(/салями/)) expect(salami.tags).toContain('meat');
    for (const beer of find(/^Пиво/)) expect(beer.tags).toEqual(expect.arrayContaining(['alcohol', '18+']));
    for (const peanut of find(/^Паста арахисовая/)) expect(peanut.tags).toContain('contains_nuts');
    for (const milk of find(/^Молоко (ультрапастеризованное|пастеризованное)/)) {
      expect(milk.tags).not.toContain('lactose_free');
      expect(milk.tags).not.toContain('vegan');
    }
    for (const bread of find(/^(Батон нарезной|Хлеб Бородинский|Макароны [^б])/)) expect(bread.tags).not.toContain('gluten_free');
  });

  it('sells only over-the-counter products in the pharmacy', () => {
    const pharmacy = items.filter((item) => root(item) === 'Аптека');
    expect(pharmacy.length).toBeGreaterThan(50);
    for (const item of pharmacy) expect(item.title.ru).not.toMatch(/антибиотик|амоксиц|азитромиц|рецепт|снотворн/i);
  });

  it('mixes real market brands with private labels', () => {
    const brands = new Set(items.map((item) => item.brand));
    for (const brand of ['Простоквашино', 'Домик в деревне', 'Alpro', 'Nemoloko', 'Samsung', 'Xiaomi', 'Pampers', 'Whiskas', 'Optimum Nutrition']) {
      expect(brands.has(brand), brand).toBe(true);
    }
    expect(items.filter((item) => item.service === 'samokat').some((item) => item.brand === 'Самокат')).toBe(true);
    expect(items.filter((item) => item.service !== 'samokat').some((item) => item.brand === 'Самокат')).toBe(false);
  });
});
