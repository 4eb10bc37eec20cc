import { describe, expect, it } from 'vitest';
import type { CatalogItem } from '../../../core/catalog/catalog-item.ts';
import { fits } from '../../../dialogs/shopping-assistant/constraints.ts';
import {
  asksForFood, extractBudget, extractOccasion, extractProductText, extractRecommendText, extractService,
} from '../../../dialogs/shopping-assistant/extract.ts';
import { extractNeed, suitsNeed } from '../../../dialogs/shopping-assistant/needs.ts';
import { suitsOccasion } from '../../../dialogs/shopping-assistant/occasions.ts';
import type { ShoppingQuery } from '../../../dialogs/shopping-assistant/ports.ts';
import { shoppingRules } from '../../../dialogs/shopping-assistant/rules.ts';
import { spellingOf } from '../../../dialogs/shopping-assistant/spelling.ts';

const item = (id: string, ru: string, en: string, category: string, tags: string[] = []): CatalogItem =>
  ({ id, service: 'megamarket', title: { ru, en }, category, price: 100, currency: 'RUB', tags });

describe('budgets in every common wording', () => {
  it.each([
    ['ужин на двоих до 1000р в Самокате', 1000],
    ['ужин в пределах 500 рублей', 500],
    ['не больше 700 руб', 700],
    ['максимум 300 ₽', 300],
    ['не дороже 1 500 р.', 1500],
    ['бюджет 2к', 2000],
    ['dinner below 500 rubles', 500],
    ['dinner for max 500 rub in Kuper', 500],
    ['up to 800 ₽', 800],
    ['less than 250 roubles', 250],
    ['at most 400', 400],
    ['under 1.5k', 1500],
  ])('"%s" -> %d ₽', (text, budget) => {
    expect(extractBudget(text)).toBe(budget);
  });

  it('never reads a word starting with "р" or "к" as a currency or thousands', () => {
    expect(extractBudget('500 рыбных палочек')).toBeUndefined();
    expect(extractBudget('до 500 к ужину')).toBe(500);
  });

  it('leaves no trace of the budget in the product words', () => {
    expect(extractProductText('найди сыр не больше 300 руб')).toBe('сыр');
    expect(extractProductText('find cheese for max 500 rub in Kuper')).toBe('cheese');
    expect(extractRecommendText('ужин на двоих до 1000р в Самокате')).toBeUndefined();
    expect(extractRecommendText('ужин в пределах 500 рублей')).toBeUndefined();
    expect(extractRecommendText('dinner below 500 rubles')).toBeUndefined();
  });
});

describe('what is left of a request as its product words', () => {
  it.each([
    'что посоветуешь?', 'что порекомендуете?', 'what do you recommend?', 'what would you suggest?', 'что ты мне предложишь?',
    'что-нибудь посоветуешь на вечер?', 'any suggestions for tonight?', 'посоветуй что-нибудь вкусненькое', 'recommend something tasty',
  ])('"%s" names no product', (text) => {
    expect(extractRecommendText(text)).toBeUndefined();
  });

  it('an age statement is neither a product nor a price', () => {
    expect(extractRecommendText("I'm over 18, recommend some wine")).toBe('wine');
    expect(extractRecommendText('мне есть 18, посоветуй пиво')).toBe('пиво');
    expect(extractBudget("I'm over 18, recommend some wine")).toBeUndefined();
  });

  it('keeps a generic word that belongs to a product ("cat food"), drops it alone ("vegan food")', () => {
    expect(extractProductText('find cat food')).toBe('cat food');
    expect(extractProductText('найди молочные продукты')).toBe('молочные продукты');
    expect(extractProductText('show me vegan food under 300')).toBeUndefined();
    expect(extractProductText('gluten-free groceries at Kuper')).toBeUndefined();
    expect(asksForFood('gluten-free groceries at Kuper')).toBe(true);
    expect(asksForFood('безглютеновые продукты')).toBe(true);
    expect(asksForFood('find cat litter')).toBe(false);
  });
});

describe('needs instead of products', () => {
  it.each([
    ['нужен подарок ребёнку до 3000', 'kids_gift'],
    ['подарок для сына', 'kids_gift'],
    ['a gift for my daughter', 'kids_gift'],
    ['что-нибудь от головной боли в Купере', 'pain'],
    ['болит голова', 'pain'],
    ['something for a headache', 'pain'],
    ['что-нибудь от простуды', 'cold'],
  ])('"%s" -> %s', (text, need) => {
    expect(extractNeed(text)).toBe(need);
  });

  it.each(['для большой компании', 'подарочный набор чая', 'cat food'])('"%s" states no need', (text) => {
    expect(extractNeed(text)).toBeUndefined();
  });

  it('the need words never become a product query', () => {
    expect(extractRecommendText('нужен подарок ребёнку до 3000')).toBeUndefined();
    expect(extractRecommendText('что-нибудь от головной боли в Купере')).toBeUndefined();
  });

  it('answers a need from its shelf, never from pets\' goods', () => {
    expect(suitsNeed(item('lego', 'Конструктор LEGO City', 'LEGO City set', 'Детские товары/Игрушки'), 'kids_gift')).toBe(true);
    expect(suitsNeed(item('dog-toy', 'Игрушка для собак', 'Dog toy', 'Зоотовары/Игрушки'), 'kids_gift')).toBe(false);
    expect(suitsNeed(item('ibu', 'Ибупрофен 200 мг', 'Ibuprofen 200 mg', 'Аптека/Обезболивающие'), 'pain')).toBe(true);
    expect(suitsNeed(item('vit', 'Витамин D3', 'Vitamin D3', 'Аптека/Витамины'), 'pain')).toBe(false);
  });
});

describe('occasions suit food only', () => {
  it('a dinner is food of a dinner kind: never pet food, litter or toothpaste', () => {
    expect(suitsOccasion(item('pasta', 'Спагетти', 'Spaghetti', 'Бакалея/Макароны'), 'dinner')).toBe(true);
    expect(suitsOccasion(item('cat-food', 'Корм для кошек с курицей', 'Cat food with chicken', 'Зоотовары/Корм для кошек'), 'dinner')).toBe(false);
    expect(suitsOccasion(item('paste', 'Зубная паста', 'Toothpaste', 'Здоровье/Гигиена полости рта'), 'dinner')).toBe(false);
    expect(suitsOccasion(item('tomato', 'Томаты черри', 'Cherry tomatoes', 'Овощи и фрукты/Овощи'), 'dinner')).toBe(true);
    expect(suitsOccasion(item('lemons', 'Лимоны', 'Lemons', 'Овощи и фрукты/Фрукты'), 'dinner')).toBe(false);
    expect(suitsOccasion(item('lemons', 'Лимоны', 'Lemons', 'Овощи и фрукты/Фрукты'), 'picnic')).toBe(true);
  });
});

describe('a diet named in the request binds every item', () => {
  const base: ShoppingQuery = { locale: 'en', requireTags: ['gluten_free'], excludeTags: [], dislikes: [], excludeItems: [], personalize: false, limit: 5 };
  const ibuprofen = item('ibu', 'Ибупрофен', 'Ibuprofen', 'Аптека/Обезболивающие');
  const buckwheat = item('buck', 'Гречка', 'Buckwheat', 'Бакалея/Крупы', ['vegan', 'gluten_free']);

  it('a standing diet binds food only (a vegan can buy a phone); one named now binds everything', () => {
    expect(fits(ibuprofen, base)).toBe(true);
    expect(fits(ibuprofen, { ...base, strictTags: ['gluten_free'] })).toBe(false);
    expect(fits(buckwheat, { ...base, strictTags: ['gluten_free'] })).toBe(true);
  });

  it('"groceries" asks for food', () => {
    expect(fits(ibuprofen, { ...base, requireTags: [], foodOnly: true })).toBe(false);
    expect(fits(buckwheat, { ...base, requireTags: [], foodOnly: true })).toBe(true);
  });
});

describe('rules: occasions and needs with constraints are recommendations', () => {
  it.each([
    'ужин на двоих до 1000р в Самокате', 'ужин в пределах 500 рублей', 'dinner below 500 rubles', 'dinner for max 500 rub in Kuper',
    'нужен подарок ребёнку до 3000', 'что-нибудь от головной боли в Купере',
  ])('"%s" -> recommend', (text) => {
    expect(shoppingRules(text, 'ru', {})?.name).toBe('recommend');
  });

  it('a short follow-up after suggestions still refines them', () => {
    expect(shoppingRules('а на завтрак?', 'ru', { last: { kind: 'recommend', requireTags: [], excludeTags: [] } })?.name).toBe('refine');
    expect(extractService('а на завтрак?')).toBeUndefined();
    expect(extractOccasion('а на завтрак?')).toBe('breakfast');
  });
});

describe('typos against the catalog\'s own words', () => {
  it('"мололко" is corrected to "молоко"; known words stay', () => {
    const items = [item('m', 'Молоко Простоквашино', 'Prostokvashino milk', 'Молочные продукты/Молоко')];
    expect(spellingOf(items).correctText('мололко')).toBe('молоко');
    expect(spellingOf(items).correctText('молоко')).toBeUndefined();
  });
});
