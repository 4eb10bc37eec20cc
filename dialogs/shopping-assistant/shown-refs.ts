import { findItemReference } from '../../core/dialog/references.ts';
import { stems, stemWord } from './text-match.ts';

/** The items whose titles share the most words with the message (all of them on a tie; none when nothing matches). */
export function titleMatches<T extends { title: string }>(text: string, items: readonly T[]): T[] {
  const words = stems(text).filter((s) => s.length >= 3);
  if (words.length === 0) return [];
  const scored = items.map((item) => {
    const title = new Set(stems(item.title));
    return { item, score: words.filter((w) => title.has(w) || [...title].some((t) => t.length >= 4 && t.startsWith(stemWord(w)))).length };
  }).filter((x) => x.score > 0);
  const best = Math.max(0, ...scored.map((x) => x.score));
  return scored.filter((x) => x.score === best).map((x) => x.item);
}

/** The shown item whose title best matches the words of the message, when exactly one does. */
export function byTitle<T extends { title: string }>(text: string, items: readonly T[]): T | undefined {
  const found = titleMatches(text, items);
  return found.length === 1 ? found[0] : undefined;
}

/** "без молока", "кроме второго", "without the milk", "except the bread": leaving named items out of a list. */
const WITHOUT = /^\s*(?:(?:а|и|но|and|but|ok|okay),?\s+)?(?:только\s+|just\s+|only\s+)?(?:без|кроме|минус|за\s+исключением|without|except(?:\s+for)?|minus|but\s+not|no)\s+(.+?)[\s.!?]*$/iu;

/** "добавь всё кроме второго", "add everything except the milk": the part after "except". */
const ALL_EXCEPT = /(?<![\p{L}])(?:всё|все|всех|всю|everything|(?:them\s+)?all(?:\s+of\s+(?:them|these|it))?)\s*,?\s*(?:(?:но|but)\s+)?(?:кроме|за\s+исключением|без|except(?:\s+for)?|apart\s+from|other\s+than|without|but|minus)\s+(.+?)[\s.!?]*$/iu;

/** The part of "без молока" / "without the milk" that names what to leave out of the list on screen. */
export function withoutPart(text: string): string | undefined {
  return WITHOUT.exec(text)?.[1];
}

/** The part of "добавь всё кроме второго" that names what to leave out; undefined when nothing is excepted. */
export function allExceptPart(text: string): string | undefined {
  return ALL_EXCEPT.exec(text)?.[1];
}

/** "второго и молока", "the first, the third": the named pieces of a list of exceptions. */
const SEPARATOR = /\s*(?:,|;|\s(?:и|или|а\s+также|and|or|&)\s)\s*/iu;

/**
 * The shown items a phrase names: list numbers ("второго", "the last one") and title words ("молока", "the milk";
 * every item sharing the best-matching words). Empty when it names none of them.
 */
export function namedShown<T extends { title: string }>(phrase: string, shown: readonly T[]): T[] {
  const out = new Set<T>();
  for (const piece of phrase.split(SEPARATOR).filter(Boolean)) {
    const reference = findItemReference(piece);
    const item = reference?.kind === 'index' ? shown[reference.index] : reference?.kind === 'last' ? shown[shown.length - 1] : undefined;
    if (item) out.add(item);
    else for (const found of titleMatches(piece, shown)) out.add(found);
  }
  return [...out];
}
