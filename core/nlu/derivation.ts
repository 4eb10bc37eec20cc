/**
 * Russian word families: a Snowball stem keeps derivational suffixes, so "гречка" (гречк) and "гречневая"
 * (гречнев), "молоко" (молок) and "молочный" (молочн), "курица" (куриц) and "куриный" (курин) never share a
 * stem. {@link derivationalRoot} reduces a stem to the root its family shares, by a few general rules:
 *
 * - the productive noun/adjective suffixes -ов-, -ев-, -ин-, -иц-, -н- and -к- (after a consonant) are stripped,
 *   repeatedly (гречнев -> гречн -> греч);
 * - a final ч, ж, ш that alternates with к, г, х before a suffix goes back to the velar (молоч -> молок,
 *   творож -> творог);
 * - a fleeting vowel between the last two consonants is dropped (молок -> молк, кошек -> кошк), so forms with and
 *   without it meet, and a final ь or й goes (миндаль/миндальный, кофейный/кофе).
 *
 * A root is never shorter than three letters, and only Cyrillic stems are reduced. The root is a key for a
 * weaker match than the stem, never a replacement for it: "слив" is shared by сливки and слива.
 */
export function derivationalRoot(stem: string): string {
  // The cache first: this runs per word of every search hit, and the script test costs more than the look-up.
  let cached = roots.get(stem);
  if (cached === undefined) {
    cached = stem.length < 4 || !CYRILLIC.test(stem) ? stem : reduce(stem);
    if (roots.size > 100_000) roots.clear();
    roots.set(stem, cached);
  }
  return cached;
}

const CYRILLIC = /^[а-яё]+$/u;
const MIN_ROOT = 3;
const CONSONANT = /[бвгджзклмнпрстфхцчшщ]/u;
const FLEETING = /^(.*[бвгджзклмнпрстфхцчшщ])[еоё]([бвгджзклмнпрстфхцчшщ])$/u;
const VELAR: Readonly<Record<string, string>> = { ч: 'к', ж: 'г', ш: 'х' };
/**
 * Longest first: -ин- before -н-. A bare -в- is -ов-/-ев- whose vowel a caller already dropped as fleeting
 * ("гречнев" -> "гречнв"), so such stems reduce to the same root.
 */
const SUFFIXES = ['ов', 'ев', 'ин', 'иц', 'н', 'к', 'в'] as const;
/** Suffixes that follow a consonant only (after a vowel they are part of the root: "молок", "плов"). */
const AFTER_CONSONANT = new Set(['к', 'в']);
const roots = new Map<string, string>();

function reduce(stem: string): string {
  let current = stem;
  for (;;) {
    const next = step(current);
    if (next === current) return current;
    current = next;
  }
}

/** One reduction: strip one suffix, else undo a consonant alternation, else drop a fleeting vowel or a final ь/й. */
function step(stem: string): string {
  for (const suffix of SUFFIXES) {
    if (!stem.endsWith(suffix) || stem.length - suffix.length < MIN_ROOT) continue;
    const rest = stem.slice(0, -suffix.length);
    if (AFTER_CONSONANT.has(suffix) && !CONSONANT.test(rest[rest.length - 1]!)) continue;
    return rest;
  }
  const last = stem[stem.length - 1]!;
  const velar = VELAR[last];
  if (velar && stem.length >= MIN_ROOT) return stem.slice(0, -1) + velar;
  if ((last === 'ь' || last === 'й') && stem.length > MIN_ROOT) return stem.slice(0, -1);
  return stem.length >= 5 ? stem.replace(FLEETING, '$1$2') : stem;
}
