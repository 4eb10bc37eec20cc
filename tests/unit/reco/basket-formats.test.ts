import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../core/errors.ts';
import { parseTimestamp } from '../../../core/reco/next-basket/basket-data.ts';
import { parseBaskets, parseHeldout, parseUserList } from '../../../core/reco/next-basket/basket-formats.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/reco');
const read = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');

/** The same three shoppers are written in every fixture format. */
const EXPECTED = {
  A: [['1', '2'], ['2', '3'], ['1', '2', '4']],
  B: [['5'], ['5', '6']],
  C: [['1']],
};

function itemsOf(text: string) {
  const histories = parseBaskets(text);
  return Object.fromEntries([...histories].map(([user, baskets]) =>
    [user, baskets.map((basket) => [...basket.items].sort())]));
}

describe('parseBaskets', () => {
  it.each([
    'baskets-per-line.jsonl', 'items-per-line.jsonl', 'users-per-line.jsonl', 'online-retail.csv', 'tafeng-like.csv',
  ])('reads %s into the same time-ordered histories', (name) => {
    expect(itemsOf(read(name))).toEqual(EXPECTED);
  });

  it('sorts baskets by date and keeps dates as epoch ms', () => {
    const histories = parseBaskets(read('baskets-per-line.jsonl'));
    expect(histories.get('A')!.map((basket) => basket.ts)).toEqual([
      Date.UTC(2025, 0, 1), Date.UTC(2025, 0, 5), Date.UTC(2025, 0, 10),
    ]);
  });

  it('drops cancellations (non-positive quantity) and anonymous rows of retail CSVs', () => {
    const histories = parseBaskets(read('online-retail.csv'));
    expect(histories.get('B')).toHaveLength(2);
    expect([...histories.keys()].sort()).toEqual(['A', 'B', 'C']);
  });

  it('reads a JSON array and a {user: baskets} object', () => {
    expect(itemsOf(JSON.stringify([{ user: 'C', items: ['1'] }]))).toEqual({ C: [['1']] });
    expect(itemsOf(JSON.stringify({ B: [['5'], ['5', '6']] }))).toEqual({ B: [['5'], ['5', '6']] });
  });

  it('fails clearly on unknown formats', () => {
    expect(() => parseBaskets(read('unknown.txt'))).toThrow(/needs a user column/);
    expect(() => parseBaskets(read('unknown-shape.jsonl'))).toThrow(ValidationError);
    expect(() => parseBaskets(read('unknown-shape.jsonl'))).toThrow(/unknown record shape/);
    expect(() => parseBaskets('')).toThrow(/empty/);
    expect(() => parseBaskets('{"user": 1, "items": [1]}\nnot json')).toThrow(/line 2: not JSON/);
    expect(() => parseBaskets('user,item\nA,1\n')).toThrow(/basket\/order id column or a date column/);
  });
});

describe('parseUserList and parseHeldout', () => {
  it('reads {"dev": [...]} and plain lists, numbers as strings', () => {
    expect(parseUserList(read('dev_users.json'))).toEqual(['A', 'B', 'C']);
    expect(parseUserList('[1, 2]')).toEqual(['1', '2']);
    expect(() => parseUserList('{"test": []}')).toThrow(/"dev"/);
    expect(() => parseUserList('nope')).toThrow(/not JSON/);
  });

  it('reads held-out baskets', () => {
    const targets = parseHeldout(read('heldout.jsonl'));
    expect(Object.fromEntries([...targets].map(([user, basket]) => [user, basket.items]))).toEqual({
      A: ['2', '7'], B: ['5'],
    });
    expect(() => parseHeldout('user,item')).toThrow(/JSONL/);
  });
});

describe('parseTimestamp', () => {
  it('reads the date spellings of public basket data sets', () => {
    const jan5 = Date.UTC(2025, 0, 5);
    expect(parseTimestamp('2025-01-05')).toBe(jan5);
    expect(parseTimestamp('1/5/2025 0:00')).toBe(jan5);
    expect(parseTimestamp('05.01.2025')).toBe(jan5);
    expect(parseTimestamp('20250105')).toBe(jan5);
    expect(parseTimestamp(jan5 / 1000)).toBe(jan5);
    expect(parseTimestamp(jan5)).toBe(jan5);
    expect(parseTimestamp('soon')).toBeUndefined();
  });
});
