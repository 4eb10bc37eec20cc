import { describe, expect, it } from 'vitest';
import { unicodeWordPattern } from '../../../../dialogs/shopping-assistant/word-bounds.ts';

/** The reference meaning of `\b` with Unicode letters: a letter or digit on exactly one side. */
const twoSided = (source: string) => new RegExp(
  source.replaceAll('\\b', '(?:(?<![\\p{L}\\p{N}])(?=[\\p{L}\\p{N}])|(?<=[\\p{L}\\p{N}])(?![\\p{L}\\p{N}]))'), 'iu',
);

const PATTERNS = [
  '\\bчек\\b',
  '\\b(?:убери\\p{L}*|удали|remove|take\\s+out)\\b',
  '^\\s*(?:отмен\\p{L}*|стоп|cancel)\\b[\\s.!]*$',
  '\\b(?:купи(?:те)?|buy)\\b',
  '\\bproducts?\\b|\\bещ[её]\\b',
  '\\bi\'?m\\b',
  '\\b(?:a\\s+)?вкус\\b',
  '\\bсколько\\b[^?]*?\\bвс[её]\\b',
  '\\b\\d+\\b',
  '(?:[аб])\\b',
];

const TEXTS = [
  'чек', 'гречка', 'чеки', 'чек!', 'а чек', '5чек', 'чек5', 'ЧЕК', 'убери молоко', 'уберите', 'преубери', 'remove it', 'removed',
  'take out', 'take outs', 'отмена', 'отменить!', 'стопка', 'cancel.', 'купите хлеб', 'купи', 'покупи', 'buying', 'product',
  'products', 'byproducts', 'ещё', 'еще раз', 'i\'m', 'im', 'aim', 'вкус', 'a вкус', 'a  вкусно', 'сколько это всё', 'сколько всех',
  '12', 'a12b', '12b', 'а', 'ба', 'аб', '',
];

describe('unicodeWordPattern', () => {
  it('matches exactly where the two-sided Unicode boundary does, at the same place', () => {
    for (const source of PATTERNS) {
      const reference = twoSided(source);
      const fast = unicodeWordPattern(source);
      for (const text of TEXTS) {
        const [want, got] = [reference.exec(text), fast.exec(text)];
        expect({ source, text, match: got?.[0], at: got?.index }).toEqual({ source, text, match: want?.[0], at: want?.index });
      }
    }
  });

  it('checks one side only where the pattern says which side the letter is on', () => {
    expect(unicodeWordPattern('\\bчек\\b').source).toBe('(?<![\\p{L}\\p{N}])чек(?![\\p{L}\\p{N}])');
    expect(unicodeWordPattern('\\b(?:убери\\p{L}*|remove)\\b').source)
      .toBe('(?<![\\p{L}\\p{N}])(?:убери\\p{L}*|remove)(?![\\p{L}\\p{N}])');
    // A number, or a class, says nothing about letters: both sides are checked.
    expect(unicodeWordPattern('\\b\\d+').source).toContain('|');
  });
});
