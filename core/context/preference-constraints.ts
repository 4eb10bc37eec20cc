import type { ExplicitPreference, ProfileConstraints } from './shopper-profile.ts';

/** What each stated diet means for the recommender. */
export const DIET_RULES: Readonly<Record<string, { exclude: string[]; prefer: string[] }>> = {
  vegan: { exclude: ['meat', 'fish'], prefer: ['vegan'] },
  vegetarian: { exclude: ['meat', 'fish'], prefer: ['vegetarian', 'vegan'] },
  halal: { exclude: ['alcohol'], prefer: ['halal'] },
  lactose_free: { exclude: [], prefer: ['lactose_free'] },
  gluten_free: { exclude: [], prefer: ['gluten_free'] },
  sugar_free: { exclude: [], prefer: ['sugar_free'] },
  organic: { exclude: [], prefer: ['organic'] },
  sober: { exclude: ['alcohol'], prefer: [] },
};

/** Normalizes a stated value: trimmed, lower case, single spaces. */
export function normalizePreferenceValue(value: string): string {
  return value.toLowerCase().replace(/\s+/g, ' ').trim();
}

function sortedUnique(values: Iterable<string>): string[] {
  return [...new Set(values)].sort();
}

/** Turns explicit preferences into recommender filters. Derived (inferred) signals never become filters. */
export function constraintsFrom(preferences: readonly ExplicitPreference[]): ProfileConstraints {
  const diets: string[] = [];
  const exclude: string[] = [];
  const prefer: string[] = [];
  const dislikes: string[] = [];
  const likes: string[] = [];
  for (const preference of preferences) {
    const value = preference.value;
    if (preference.kind === 'diet') {
      diets.push(value);
      const rule = Object.hasOwn(DIET_RULES, value) ? DIET_RULES[value] : undefined;
      exclude.push(...(rule?.exclude ?? []));
      prefer.push(...(rule?.prefer ?? [value]));
    } else if (preference.kind === 'exclude_tag') exclude.push(value);
    else if (preference.kind === 'prefer_tag') prefer.push(value);
    else if (preference.kind === 'dislike') dislikes.push(value);
    else likes.push(value);
  }
  return {
    diets: sortedUnique(diets),
    excludeTags: sortedUnique(exclude),
    preferTags: sortedUnique(prefer).filter((tag) => !exclude.includes(tag)),
    dislikes: sortedUnique(dislikes),
    likes: sortedUnique(likes),
  };
}
