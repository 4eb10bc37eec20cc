import { describe, expect, it } from 'vitest';
import { gazetteerFromCatalog } from '../../../core/nlu/catalog-gazetteer.ts';
import { editDistance } from '../../../core/nlu/edit-distance.ts';
import { Gazetteer } from '../../../core/nlu/gazetteer.ts';
import { stem, tokenize } from '../../../core/nlu/text.ts';

const entries = [
  { type: 'product', value: 'milk', phrases: ['молоко', 'milk'] },
  { type: 'product', value: 'oat-milk', phrases: ['овсяное молоко', 'oat milk'] },
  { type: 'brand', value: 'Простоквашино', phrases: ['Простоквашино'] },
  { type: 'category', value: 'Бакалея/Крупы', phrases: ['крупы', 'гречка'] },
  { type: 'brand', value: 'Parmalat', phrases: ['Parmalat'] },
];
const gazetteer = new Gazetteer(entries, { commonWords: new Set([stem('молодой')]) });
const find = (text: string): [string, string][] => {
  const tokens = tokenize(text);
  return gazetteer.find(tokens).map((m) => [m.value, text.slice(tokens[m.from]!.start, tokens[m.to]!.end)]);
};

describe('Gazetteer', () => {
  it('matches through Russian inflection', () => {
    expect(find('купи молока')).toEqual([['milk', 'молока']]);
    expect(find('нет гречки?')).toEqual([['Бакалея/Крупы', 'гречки']]);
    expect(find('две пачки овсяного молока')).toEqual([['oat-milk', 'овсяного молока']]);
  });

  it('matches small typos, more for longer words', () => {
    expect(find('малоко')).toEqual([['milk', 'малоко']]);
    expect(find('простаквашына')).toEqual([['Простоквашино', 'простаквашына']]);
    expect(find('parmalot')).toEqual([['Parmalat', 'parmalot']]);
    expect(find('oat mlik')).toEqual([['oat-milk', 'oat mlik']]);
  });

  it('does not fuzzy-match everyday words or short words', () => {
    expect(find('молодой картофель')).toEqual([]);
    expect(find('мало')).toEqual([]);
  });

  it('builds entries from catalog items', () => {
    const built = gazetteerFromCatalog([{ id: 'sm-1', service: 'samokat', title: { ru: 'Молоко Простоквашино 2,5%' },
      category: 'Молочные продукты/Молоко', brand: 'Простоквашино', price: 99, currency: 'RUB' }]);
    expect(built.map((e) => [e.type, e.value])).toEqual([
      ['brand', 'Простоквашино'], ['category', 'Молочные продукты'], ['category', 'Молочные продукты/Молоко'], ['product', 'sm-1']]);
  });
});

describe('editDistance', () => {
  it('counts adjacent swaps as one edit and stops early', () => {
    expect(editDistance('milk', 'mlik')).toBe(1);
    expect(editDistance('молоко', 'малако')).toBe(2);
    expect(editDistance('abc', 'xyzabc', 1)).toBe(2);
  });
});
