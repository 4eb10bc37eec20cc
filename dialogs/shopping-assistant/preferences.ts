import { dislikeRoot, extractDislike, extractExcludedTags, extractRequiredTags } from './extract.ts';
import type { StatedPreference } from './ports.ts';

/** Tags a diet rules out on top of requiring its own fact. */
export const DIET_IMPLIES: Readonly<Record<string, string[]>> = {
  vegan: ['meat', 'fish'],
  vegetarian: ['meat', 'fish'],
  halal: ['alcohol'],
};

/** The preferences one message states: "я веган" -> diet vegan, "без орехов" -> exclude contains_nuts. */
export function preferencesIn(text: string): StatedPreference[] {
  const out: StatedPreference[] = [];
  const required = extractRequiredTags(text);
  for (const tag of required) out.push({ kind: 'diet', value: tag });
  for (const tag of extractExcludedTags(text)) {
    // "без мяса" already became the vegetarian diet.
    if ((tag === 'meat' || tag === 'fish') && required.includes('vegetarian')) continue;
    out.push({ kind: 'exclude_tag', value: tag });
  }
  const dislike = extractDislike(text);
  if (dislike && out.length === 0) out.push({ kind: 'dislike', value: dislike });
  return out;
}

export { dislikeRoot };
