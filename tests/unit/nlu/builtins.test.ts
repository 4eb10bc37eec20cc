import { describe, expect, it } from 'vitest';
import { findBuiltins } from '../../../core/nlu/builtins/find-builtins.ts';
import { tokenize } from '../../../core/nlu/text.ts';

// Wednesday 1 May 2024, 15:00 in Moscow.
const clock = { now: new Date('2024-05-01T12:00:00Z'), timeZoneOffsetMinutes: 180 };
const find = (text: string, type: string): { text: string; value: unknown }[] =>
  findBuiltins(text, tokenize(text), clock).filter((e) => e.type === type).map((e) => ({ text: e.text, value: e.value }));

describe('numbers', () => {
  it.each([
    ['купи две', 2], ['двести пятьдесят', 250], ['полторы тысячи', 1500], ['три тысячи пятьсот', 3500], ['пятью', 5],
    ['a dozen eggs', 12], ['twenty five', 25], ['two hundred and fifty', 250], ['one and a half', 1.5], ['1 000 000', 1_000_000],
    ['1,5', 1.5], ['2.5', 2.5], ['пару', 2], ['два с половиной', 2.5],
  ])('%s -> %d', (text, value) => {
    expect(find(text, 'number')[0]?.value).toBe(value);
  });

  it('does not glue unrelated numbers', () => {
    expect(find('пять два', 'number').map((n) => n.value)).toEqual([5, 2]);
  });
});

describe('money and budgets', () => {
  it.each([
    ['посоветуй что-нибудь к чаю до 500 рублей', 'до 500 рублей', { amount: 500, currency: 'RUB', bound: 'max' }],
    ['не дороже 1000 ₽', 'не дороже 1000 ₽', { amount: 1000, currency: 'RUB', bound: 'max' }],
    ['что-то дешевле 300', 'дешевле 300', { amount: 300, currency: 'RUB', bound: 'max' }],
    ['от 2 тысяч рублей', 'от 2 тысяч рублей', { amount: 2000, currency: 'RUB', bound: 'min' }],
    ['за 5к руб', 'за 5к руб', { amount: 5000, currency: 'RUB', bound: 'exact' }],
    ['бюджет двести рублей', 'бюджет двести рублей', { amount: 200, currency: 'RUB', bound: 'max' }],
    ['под 300 рублями', '300 рублями', { amount: 300, currency: 'RUB', bound: 'exact' }],
    ['under 20 dollars', 'under 20 dollars', { amount: 20, currency: 'USD', bound: 'max' }],
    ['at least fifty bucks', 'at least fifty bucks', { amount: 50, currency: 'USD', bound: 'min' }],
    ['$20 max', '$20 max', { amount: 20, currency: 'USD', bound: 'max' }],
    ['от 100 до 500 р', 'от 100 до 500 р', { amount: 500, currency: 'RUB', bound: 'max', min: 100 }],
  ])('%s', (text, span, value) => {
    expect(find(text, 'money')).toEqual([{ text: span, value }]);
  });

  it('needs a currency or a price-only phrase', () => {
    expect(find('до 5 вечера', 'money')).toEqual([]);
    expect(find('возьми 2', 'money')).toEqual([]);
  });
});

describe('quantities', () => {
  it.each([
    ['купи 2 кг яблок', '2 кг', { amount: 2, unit: 'kg' }],
    ['полтора литра молока', 'полтора литра', { amount: 1.5, unit: 'l' }],
    ['2 пачки овсяного молока', '2 пачки', { amount: 2, unit: 'pack' }],
    ['две бутылки воды', 'две бутылки', { amount: 2, unit: 'bottle' }],
    ['500г сыра', '500г', { amount: 500, unit: 'g' }],
    ['пол-литра сливок', 'пол-литра', { amount: 0.5, unit: 'l' }],
    ['three packs of gum', 'three packs', { amount: 3, unit: 'pack' }],
    ['a dozen bottles', 'a dozen bottles', { amount: 12, unit: 'bottle' }],
    ['2 lbs of beef', '2 lbs', { amount: 2, unit: 'lb' }],
  ])('%s', (text, span, value) => {
    expect(find(text, 'quantity')).toEqual([{ text: span, value }]);
  });
});

describe('dates and times', () => {
  it.each([
    ['завтра к семи вечера', 'завтра к семи вечера', '2024-05-02T19:00:00+03:00'],
    ['привези в пятницу в 19:30', 'пятницу в 19:30', '2024-05-03T19:30:00+03:00'],
    ['через 2 часа', 'через 2 часа', '2024-05-01T17:00:00+03:00'],
    ['через полчаса', 'через полчаса', '2024-05-01T15:30:00+03:00'],
    ['послезавтра утром', 'послезавтра утром', '2024-05-03T09:00:00+03:00'],
    ['к 10 утра', 'к 10 утра', '2024-05-02T10:00:00+03:00'],
    ['5 мая', '5 мая', '2024-05-05T00:00:00+03:00'],
    ['tomorrow at 7 pm', 'tomorrow at 7 pm', '2024-05-02T19:00:00+03:00'],
    ['tonight', 'tonight', '2024-05-01T20:00:00+03:00'],
    ['in 3 days', 'in 3 days', '2024-05-04T00:00:00+03:00'],
    ['on friday morning', 'friday morning', '2024-05-03T09:00:00+03:00'],
  ])('%s', (text, span, iso) => {
    const [hit] = find(text, 'datetime');
    expect(hit?.text).toBe(span);
    expect((hit?.value as { iso: string }).iso).toBe(iso);
  });

  it('reads a bare hour as the next such time today', () => {
    expect((find('в 7', 'datetime')[0]?.value as { time: string }).time).toBe('19:00');
  });
});

describe('ordinals', () => {
  it.each([
    ['возьми второе', 2], ['вторую', 2], ['третьего', 3], ['последний', -1], ['пятую позицию', 5], ['3-й', 3], ['номер 4', 4],
    ['the first one', 1], ['2nd', 2], ['the last one', -1], ['second to last', -2],
  ])('%s -> %d', (text, value) => {
    expect(find(text, 'ordinal')[0]?.value).toBe(value);
  });

  it('does not read cardinals as ordinals', () => {
    expect(find('пять яблок', 'ordinal')).toEqual([]);
  });
});
