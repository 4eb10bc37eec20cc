import type { Locale } from '../../../core/activity.ts';
import type { LabelledUtterance } from '../../../core/nlu/labelled.ts';
import { phraseToUtterance } from '../../../core/nlu/markup.ts';
import { TEST_SET_EN } from './test-set-en.ts';
import { TEST_SET_RU } from './test-set-ru.ts';

/** The shopping assistant's labelled regression set for one locale (or both). */
export function shoppingTestSet(locale?: Locale): LabelledUtterance[] {
  const sets: [Locale, Record<string, string[]>][] = [['ru', TEST_SET_RU], ['en', TEST_SET_EN]];
  return sets.filter(([l]) => !locale || l === locale).flatMap(([l, set]) =>
    Object.entries(set).flatMap(([intent, phrases]) => phrases.map((p) => phraseToUtterance(p, intent, l))));
}
