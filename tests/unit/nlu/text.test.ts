import { describe, expect, it } from 'vitest';
import { identifyLanguage } from '../../../core/nlu/language-id.ts';
import { stem, tokenize } from '../../../core/nlu/text.ts';

describe('tokenize', () => {
  it('keeps offsets into the original text, folds case and ё, and splits numbers from units', () => {
    const text = 'Ёлки, 2кг Молока!';
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.norm)).toEqual(['елки', ',', '2', 'кг', 'молока', '!']);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(tokens.find((t) => t.norm === '2')?.kind).toBe('number');
  });

  it('stems Russian inflections to one stem and English by its own stemmer', () => {
    expect(stem('молока')).toBe(stem('молоко'));
    expect(stem('молоком')).toBe(stem('молоко'));
    expect(stem('bottles')).toBe(stem('bottle'));
  });

  it('turns control characters into spaces without moving offsets', () => {
    const text = 'ку\u0000пи\u0007 хлеб';
    const tokens = tokenize(text);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(tokens.map((t) => t.norm)).toContain('хлеб');
  });
});

describe('identifyLanguage', () => {
  it.each([
    ['привет', 'ru'], ['хочу iPhone 15', 'ru'], ['закажи Coca-Cola', 'ru'], ['add two bottles of milk', 'en'], ['ok', 'en'],
    ['what do you know about me', 'en'], ['ich möchte Milch kaufen', 'other'], ['quiero comprar leche', 'other'],
    ['privet kak dela', 'other'], ['привіт, як справи', 'other'], ['👍👍', 'other'], ['12345', 'other'], ['', 'other'],
  ])('%s -> %s', (text, language) => {
    expect(identifyLanguage(text)).toBe(language);
  });
});
