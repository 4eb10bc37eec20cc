import { describe, expect, it } from 'vitest';
import type { CatalogItem } from '../../../core/catalog/catalog-item.ts';
import { violation } from '../../../dialogs/shopping-assistant/constraints.ts';
import type { ShoppingQuery } from '../../../dialogs/shopping-assistant/ports.ts';

const item = (id: string, ru: string, en: string, category: string, tags: string[]): CatalogItem => ({
  id, service: 'samokat', title: { ru, en }, category, price: 300, currency: 'RUB', tags,
});

const wine = item('wine', 'Вино красное сухое', 'Dry red wine', 'Напитки/Вино', ['alcohol', '18+']);
const beer = item('beer', 'Пиво светлое', 'Lager beer', 'Напитки/Пиво', ['alcohol', '18+']);
const energy = item('energy', 'Энергетик', 'Energy drink', 'Напитки/Энергетики', ['18+']);

const query = (text?: string): ShoppingQuery => ({
  locale: 'ru', requireTags: [], excludeTags: [], dislikes: [], excludeItems: [], personalize: true, limit: 5,
  ...(text === undefined ? {} : { text }),
});

describe('adult goods are shown only when asked for by name', () => {
  it.each([
    [undefined],
    ['ужин'],
    ['напитки'],
    ['винегрет'],
    ['джинсы'],
    ['что-нибудь к празднику'],
    ['drinks'],
  ])('not for %s', (text) => {
    for (const adult of [wine, beer, energy]) expect(violation(adult, query(text))).toBe('adult');
  });

  it.each([
    ['вино', wine],
    ['вина к ужину', wine],
    ['пиво', beer],
    ['wine', wine],
    ['алкоголь', beer],
    ['энергетик', energy],
    ['energy drink', energy],
  ])('for %s', (text, adult) => {
    expect(violation(adult, query(text))).toBeUndefined();
  });
});
