import type { Locale } from '../activity.ts';
import type { LabelledUtterance } from './labelled.ts';
import { expandAlternatives, parseMarkup } from './markup.ts';

/**
 * An intent of a bot with training phrases per locale. Phrases use inline slot markup,
 * "закажи [2](quantity) пачки [овсяного молока](product)", and "{a|b|}" alternatives (empty = optional).
 */
export interface IntentDefinition {
  name: string;
  description?: string;
  phrases: Partial<Record<Locale, readonly string[]>>;
}

/** Options for expanding definitions into training utterances. */
export interface ExpandOptions {
  /** Only these locales; all by default. */
  locales?: readonly Locale[];
  /** The most phrases one template may expand into. */
  perTemplate?: number;
}

/** Expands intent definitions into labelled utterances (alternatives expanded, markup parsed, duplicates dropped). */
export function utterancesFromDefinitions(definitions: readonly IntentDefinition[], options: ExpandOptions = {}): LabelledUtterance[] {
  const out: LabelledUtterance[] = [];
  const seen = new Set<string>();
  for (const def of definitions) {
    for (const [locale, phrases] of Object.entries(def.phrases) as [Locale, readonly string[]][]) {
      if (options.locales && !options.locales.includes(locale)) continue;
      for (const template of phrases) {
        for (const phrase of expandAlternatives(template, options.perTemplate ?? 6)) {
          const { text, slots } = parseMarkup(phrase);
          const key = `${def.name}\u0000${text.toLowerCase()}`;
          if (seen.has(key)) continue;
          seen.add(key);
          out.push({ text, intent: def.name, slots, locale });
        }
      }
    }
  }
  return out;
}
