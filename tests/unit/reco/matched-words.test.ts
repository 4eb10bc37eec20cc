import { describe, expect, it } from 'vitest';
import { isContentWord } from '../../../core/nlu/stopwords.ts';
import { stemWord, words } from '../../../core/reco/embedding/text-features.ts';
import { matchedWords, queryWords, wordCoverage } from '../../../core/reco/recommender/semantic-match.ts';

/** An item's words and stems as the catalog index keeps them. */
function item(text: string): { words: string[]; stems: string[] } {
  const list = words(text);
  return { words: list, stems: list.map(stemWord) };
}

/** Words no explanation may cite, written out here rather than read from the list under test. */
const NEVER_CITED = ['на', 'с', 'для', 'в', 'и', 'for', 'with', 'the', 'of', 'and', 'л', 'г', 'шт', 'ml', '8', '2', '15', '500', '0'];

describe('matchedWords cites content words only', () => {
  it('a query with prepositions and numbers never cites them', () => {
    const cases: [string, string][] = [
      ['подарок маме на 8 марта', 'Открытка на 8 марта для мамы'],
      ['подарок маме на 8 марта', 'Набор конфет на 8 персон'],
      ['gift for 2', 'Wine glasses for 2'],
      ['сок для детей 1 л', 'Сок яблочный для детей, 1 л'],
      ['шоколад с орехами 500 г', 'Шоколад молочный с орехами, 500 г'],
      ['pasta with tomato', 'Pasta with tomatoes and basil'],
      ['чехол для iphone 15', 'Чехол для смартфона iPhone 15'],
      ['батарейки AA 4 шт', 'Салфетки влажные, 4 шт'],
    ];
    for (const [query, title] of cases) {
      const { matched } = matchedWords(queryWords(query), item(title));
      for (const word of NEVER_CITED) expect(matched, `${query} / ${title}`).not.toContain(word);
      for (const word of matched) expect(isContentWord(word)).toBe(true);
    }
  });

  it('a hit whose only shared words are stopwords or numbers cites nothing', () => {
    expect(matchedWords(queryWords('подарок маме на 8 марта'), item('Набор конфет на 8 персон')).matched).toEqual([]);
    expect(matchedWords(queryWords('gift for 2'), item('Bowl for 2 cats')).matched).toEqual([]);
    expect(matchedWords(queryWords('батарейки 4 шт'), item('Салфетки влажные, 4 шт')).matched).toEqual([]);
  });

  it('a normal query still cites its content words, in query order', () => {
    expect(matchedWords(queryWords('подарок маме на 8 марта'), item('Открытка на 8 марта для мамы')).matched).toEqual(['мамы', 'марта']);
    expect(matchedWords(queryWords('корм для кошки'), item('Корм для кошек сухой')).matched).toEqual(['корм', 'кошек']);
    expect(matchedWords(queryWords('pasta with tomato'), item('Pasta with tomatoes and basil')).matched).toEqual(['pasta', 'tomatoes']);
    expect(matchedWords(queryWords('чехол для iphone 15'), item('Чехол для смартфона iPhone 15')).matched).toEqual(['чехол', 'iphone']);
    // Digits inside a word name a product, not a quantity.
    expect(matchedWords(queryWords('bmw x5'), item('Модель BMW X5')).matched).toEqual(['bmw', 'x5']);
  });

  it('coverage, which ranks search results, still counts every shared word', () => {
    const query = queryWords('подарок маме на 8 марта');
    const hit = item('Открытка на 8 марта для мамы');
    expect(matchedWords(query, hit).coverage).toBeCloseTo(4 / 5);
    expect(wordCoverage(query, hit)).toBeCloseTo(4 / 5);
  });
});
