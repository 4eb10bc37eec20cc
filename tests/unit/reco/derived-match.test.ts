import { describe, expect, it } from 'vitest';
import type { CatalogItem } from '../../../core/catalog/catalog-item.ts';
import { stemWord, words } from '../../../core/reco/embedding/text-features.ts';
import { CatalogWords } from '../../../core/reco/recommender/catalog-words.ts';
import { CoverageMatcher, DERIVED_MATCH } from '../../../core/reco/recommender/query-scoring.ts';
import { createRecommender } from '../../../core/reco/recommender/recommender.ts';
import { matchedWords, queryWords, wordCoverage } from '../../../core/reco/recommender/semantic-match.ts';
import { MemoryCatalogStore } from '../../../core/stores/memory-catalog-store.ts';
import { MemoryEventStore } from '../../../core/stores/memory-event-store.ts';

function wordsOf(text: string): { words: string[]; stems: string[] } {
  const list = [...new Set(words(text))];
  return { words: list, stems: list.map(stemWord) };
}

const item = (id: string, ru: string, en: string, category: string): CatalogItem =>
  ({ id, service: 'samokat', title: { ru, en }, category, price: 100, currency: 'RUB' });

describe('derived-form word matching', () => {
  it('counts a derived form at DERIVED_MATCH and an exact word in full', () => {
    const query = queryWords('гречка');
    expect(wordCoverage(query, wordsOf('Гречка с грибами'))).toBe(1);
    expect(wordCoverage(query, wordsOf('Крупа гречневая ядрица'))).toBe(DERIVED_MATCH);
    expect(wordCoverage(query, wordsOf('Йогурт греческий'))).toBe(0);
    expect(wordCoverage(queryWords('сок из яблок'), wordsOf('Сок яблочный, 1 л'))).toBeCloseTo((1 + DERIVED_MATCH) / 3);
    // An exact word wins over a derived one in the same item.
    expect(wordCoverage(queryWords('молоко'), wordsOf('Молоко Молочные продукты'))).toBe(1);
  });

  it('cites the derived word the item says', () => {
    expect(matchedWords(queryWords('гречка'), wordsOf('Крупа гречневая ядрица')).matched).toEqual(['гречневая']);
    expect(matchedWords(queryWords('суп с курицей'), wordsOf('Суп куриный с лапшой')).matched).toEqual(['суп', 'куриный']);
  });

  it('the per-vocabulary coverage of a search agrees with wordCoverage', () => {
    const titles = ['Гречка с грибами', 'Крупа гречневая ядрица', 'Хлебцы гречневые', 'Йогурт греческий', 'Молоко 3,2%',
      'Шоколад молочный', 'Сок яблочный', 'Яблоки Гала', 'Суп куриный с лапшой', 'Орех грецкий'];
    const rows = titles.map(wordsOf);
    const matcher = new CoverageMatcher(new CatalogWords(rows.length, (row) => rows[row]!));
    for (const q of ['гречка', 'молоко', 'сок из яблок', 'курица', 'гречневая крупа', 'milk']) {
      const query = queryWords(q);
      matcher.begin(query);
      rows.forEach((row, r) => expect(matcher.coverage(r), `${q} / ${titles[r]}`).toBe(wordCoverage(query, row)));
    }
  });
});

describe('search with derived forms', () => {
  const items = [
    item('meal-1', 'Гречка с грибами Вкусвилл, 300 г', 'buckwheat with mushrooms', 'Готовая еда/Горячие блюда'),
    item('meal-2', 'Гречка с грибами Самокат, 300 г', 'buckwheat with mushrooms', 'Готовая еда/Горячие блюда'),
    item('groats', 'Крупа гречневая ядрица Увелка, 900 г', 'Uvelka buckwheat groats', 'Бакалея/Крупы'),
    item('yoghurt', 'Йогурт греческий Teos, 2%', 'Teos Greek yoghurt', 'Молочные продукты/Йогурты'),
    item('rice', 'Рис длиннозёрный Увелка, 900 г', 'Uvelka long grain rice', 'Бакалея/Крупы'),
    item('juice', 'Сок Добрый, яблочный, 1 л', 'Dobry apple juice', 'Напитки/Соки'),
    item('apples', 'Яблоки Гала, 1 кг', 'Gala apples', 'Овощи и фрукты/Фрукты'),
  ];

  async function search(query: string): Promise<string[]> {
    const catalog = new MemoryCatalogStore();
    await catalog.upsertMany(items);
    const recommender = createRecommender({ catalog, events: new MemoryEventStore(), dimensions: 64 });
    return (await recommender.search({ query, limit: 5 })).map((r) => r.item.id);
  }

  it('finds the derived form right after the exact ones, and no look-alike word (греческий)', async () => {
    const found = await search('гречка');
    expect(found.slice(0, 2).sort()).toEqual(['meal-1', 'meal-2']);
    expect(found[2]).toBe('groats');
  });

  it('ranks an item with both words, one derived, above one with a single word of the two', async () => {
    expect((await search('сок из яблок')).slice(0, 2)).toEqual(['juice', 'apples']);
    expect((await search('рисовая крупа')).slice(0, 2).sort()).toEqual(['groats', 'rice']);
  });
});
