import type { CatalogItem } from '../../core/catalog/catalog-item.ts';
import { SpellingCorrector } from '../../core/reco/embedding/spelling.ts';
import { foldText } from '../../core/reco/embedding/text-features.ts';

/** Typo correction against a catalog snapshot's own words. */
export interface CatalogSpelling {
  /** The text with each misspelled word replaced by the catalog word one edit away; undefined when nothing changed. */
  correctText(text: string): string | undefined;
}

const correctors = new WeakMap<readonly CatalogItem[], CatalogSpelling>();

/**
 * The recommender's catalog-based spelling correction (core/reco), built once per catalog snapshot from the
 * titles, categories and brands, so a search for "мололко" finds milk.
 */
export function spellingOf(items: readonly CatalogItem[]): CatalogSpelling {
  let spelling = correctors.get(items);
  if (spelling) return spelling;
  const corrector = new SpellingCorrector(items.map((i) => `${i.title.ru} ${i.title.en ?? ''} ${i.category.replace(/\//g, ' ')} ${i.brand ?? ''}`));
  spelling = {
    correctText(text) {
      let changed = false;
      const words = foldText(text).split(' ').filter(Boolean).map((word) => {
        const fixed = corrector.correct(word);
        if (fixed) changed = true;
        return fixed ?? word;
      });
      return changed ? words.join(' ') : undefined;
    },
  };
  correctors.set(items, spelling);
  return spelling;
}
