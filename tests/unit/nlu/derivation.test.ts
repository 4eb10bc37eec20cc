import { describe, expect, it } from 'vitest';
import { derivationalRoot } from '../../../core/nlu/derivation.ts';
import { stem } from '../../../core/nlu/text.ts';

const root = (word: string) => derivationalRoot(stem(word));

describe('derivationalRoot', () => {
  it.each([
    ['гречка', 'гречневая'], ['гречки', 'гречневую'], ['молоко', 'молочный'], ['молока', 'молочные'], ['курица', 'куриный'],
    ['рис', 'рисовый'], ['овсянка', 'овсяные'], ['яблоко', 'яблочный'], ['яблок', 'яблочного'], ['сыр', 'сырный'],
    ['томат', 'томатный'], ['творог', 'творожный'], ['апельсин', 'апельсиновый'], ['банан', 'банановый'], ['мясо', 'мясной'],
    ['морковь', 'морковный'], ['морковка', 'морковь'], ['миндаль', 'миндальный'], ['кошка', 'кошек'], ['мука', 'мучной'],
  ])('%s and %s share a root', (a, b) => {
    expect(root(a)).toBe(root(b));
  });

  it.each([
    ['гречка', 'греческий'], ['гречка', 'грецкий'], ['сок', 'сыр'], ['молоко', 'молоток'], ['рис', 'рисунок'], ['кофе', 'корм'],
  ])('%s and %s do not', (a, b) => {
    expect(root(a)).not.toBe(root(b));
  });

  it('never cuts a stem below three letters and leaves Latin words and numbers alone', () => {
    for (const word of ['сок', 'соки', 'чай', 'лук', 'мед', 'свинина', 'банка']) {
      expect(root(word).length).toBeGreaterThanOrEqual(Math.min(3, stem(word).length));
    }
    for (const word of ['milky', 'milk', 'iphone', 'x5', '1000']) expect(derivationalRoot(stem(word))).toBe(stem(word));
  });

  it('gives a stem whose fleeting vowel a caller dropped the same root (the dialogs drop it: кошек -> кошк)', () => {
    for (const [raw, dropped] of [['гречнев', 'гречнв'], ['молок', 'молк'], ['морков', 'моркв'], ['творог', 'творг'], ['кошек', 'кошк']]) {
      expect(derivationalRoot(dropped!)).toBe(derivationalRoot(raw!));
    }
  });

  it('is a fixed point: a root reduces to itself', () => {
    for (const word of ['гречневая', 'молочный', 'куриный', 'творожный', 'овсянка', 'морковка']) expect(derivationalRoot(root(word))).toBe(root(word));
  });
});
