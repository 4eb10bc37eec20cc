import { describe, expect, it } from 'vitest';
import { correctionTail, isCorrection } from '../../../core/dialog/corrections.ts';
import { numbersIn } from '../../../core/dialog/numbers.ts';
import { findItemReference } from '../../../core/dialog/references.ts';
import { yesNo } from '../../../core/dialog/yes-no.ts';
import {
  dislikeRoot, extractBudget, extractDislike, extractExcludedTags, extractOccasion, extractPeople, extractProductText,
  extractQuantity, extractRequiredTags, extractService,
} from '../../../dialogs/shopping-assistant/extract.ts';
import { preferencesIn } from '../../../dialogs/shopping-assistant/preferences.ts';

const none = { text: '', language: 'ru' as const, intent: { name: 'none', confidence: 0 }, intents: [], entities: [] };

describe('shopping slot extraction (ru, en)', () => {
  it.each([
    ['что взять на ужин на двоих до 1000 рублей в Самокате?', { service: 'samokat', occasion: 'dinner', people: 2, budget: 1000 }],
    ['dinner for four under 1.5k at Kuper', { service: 'kuper', occasion: 'dinner', people: 4, budget: 1500 }],
    ['а в Купере?', { service: 'kuper' }],
    ['что-нибудь на завтрак втроём не дороже 700 ₽', { occasion: 'breakfast', people: 3, budget: 700 }],
    ['party snacks on Megamarket, budget 2000', { service: 'megamarket', occasion: 'party', budget: 2000 }],
  ])('reads "%s"', (text, expected) => {
    expect({
      service: extractService(text), occasion: extractOccasion(text), people: extractPeople(text), budget: extractBudget(text),
    }).toMatchObject(expected);
  });

  it('tells diets to require from tags to avoid', () => {
    expect(extractRequiredTags('найди безлактозное молоко')).toEqual(['lactose_free']);
    expect(extractRequiredTags("I'm vegan")).toEqual(['vegan']);
    expect(extractExcludedTags('без орехов, пожалуйста')).toEqual(['contains_nuts']);
    expect(extractExcludedTags('no alcohol')).toEqual(['alcohol']);
    expect(preferencesIn('я не ем мясо')).toEqual([{ kind: 'diet', value: 'vegetarian' }]);
    expect(preferencesIn('не люблю кинзу')).toEqual([{ kind: 'dislike', value: 'кинзу' }]);
  });

  it('finds dislikes with their comparable roots', () => {
    expect(extractDislike('не люблю кинзу')).toBe('кинзу');
    expect(dislikeRoot('кинзу')).toBe('кинз');
    expect(extractDislike("I don't like onions")).toBe('onions');
    expect(dislikeRoot('onions')).toBe('onion');
    expect(extractDislike('это мне не нравится')).toBeUndefined();
  });

  it('keeps only the product words of a search', () => {
    expect(extractProductText('найди безлактозное молоко в Купере до 200 рублей')).toBe('молоко');
    expect(extractProductText('find lactose-free milk on Kuper')).toBe('milk');
    expect(extractProductText('покажи продукты')).toBeUndefined();
    expect(extractProductText('добавь две')).toBeUndefined();
  });

  it('reads quantities, never prices, headcounts or ordinals', () => {
    expect(extractQuantity('ещё две такие')).toBe(2);
    expect(extractQuantity('добавь 3 штуки первого')).toBe(3);
    expect(extractQuantity('возьми второе')).toBeUndefined();
    expect(extractQuantity('add two of the first one')).toBe(2);
    expect(extractQuantity('за 300 ₽')).toBeUndefined();
  });
});

describe('references, corrections and yes/no', () => {
  it.each([
    ['возьми второе', { kind: 'index', index: 1 }],
    ['the first one', { kind: 'index', index: 0 }],
    ['третий, пожалуйста', { kind: 'index', index: 2 }],
    ['последний', { kind: 'last' }],
    ['ещё две такие', { kind: 'anaphor' }],
    ['add #4', { kind: 'index', index: 3 }],
  ])('resolves "%s"', (text, expected) => {
    expect(findItemReference(text)).toEqual(expected);
  });

  it('does not take words that merely contain an ordinal', () => {
    expect(findItemReference('сперва молоко')).toBeUndefined();
    expect(findItemReference('firstly, milk')).toBeUndefined();
  });

  it('reads the corrected value of a correction', () => {
    expect(correctionTail('нет, не две, а три')?.text).toBe('три');
    expect(correctionTail('no, not two but three')?.text).toBe('three');
    expect(correctionTail('make it five')?.text).toBe('five');
    expect(isCorrection('нет, три')).toBe(true);
    expect(numbersIn('нет, не две, а три').map((n) => n.value)).toEqual([2, 3]);
  });

  it('reads yes and no in both languages', () => {
    expect(yesNo(none, 'да')).toBe(true);
    expect(yesNo(none, 'Yes, please')).toBe(true);
    expect(yesNo(none, 'нет, не надо')).toBe(false);
    expect(yesNo(none, 'nope')).toBe(false);
    expect(yesNo(none, 'синий трактор')).toBeUndefined();
  });
});
