import type { Locale } from '../../../core/activity.ts';
import type { LabelledUtterance } from '../../../core/nlu/labelled.ts';
import { phraseToUtterance } from '../../../core/nlu/markup.ts';
import { SHOPPER_SET_EN } from './shopper-set-en.ts';
import { SHOPPER_SET_RU } from './shopper-set-ru.ts';
import { TEST_SET_EN } from './test-set-en.ts';
import { TEST_SET_RU } from './test-set-ru.ts';

type MarkedSet = Record<string, string[]>;

function labelled(sets: [Locale, MarkedSet][], locale: Locale | undefined): LabelledUtterance[] {
  return sets.filter(([l]) => !locale || l === locale).flatMap(([l, set]) =>
    Object.entries(set).flatMap(([intent, phrases]) => phrases.map((p) => phraseToUtterance(p, intent, l))));
}

/** The shopping assistant's labelled regression set for one locale (or both). */
export function shoppingTestSet(locale?: Locale): LabelledUtterance[] {
  return labelled([['ru', TEST_SET_RU], ['en', TEST_SET_EN]], locale);
}

/**
 * The second, independent held-out set: colloquial, misspelled, short shopper messages (wrong keyboard layout,
 * mixed script, chat abbreviations), for one locale (or both).
 */
export function shopperHeldOutSet(locale?: Locale): LabelledUtterance[] {
  return labelled([['ru', SHOPPER_SET_RU], ['en', SHOPPER_SET_EN]], locale);
}
