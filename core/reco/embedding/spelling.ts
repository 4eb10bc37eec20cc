import { foldText } from './text-features.ts';

function deletes(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i += 1) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/**
 * Corrects misspelled query words against the catalog's own vocabulary (symmetric-delete lookup, edit
 * distance 1 including transpositions, words of 4+ letters). Among candidates the most frequent word wins.
 */
export class SpellingCorrector {
  private readonly counts = new Map<string, number>();
  private readonly byDelete = new Map<string, string[]>();

  constructor(texts: Iterable<string>) {
    for (const text of texts) this.add(text);
  }

  /** Learns the words of one more catalog text (a build can add texts between event-loop turns). */
  add(text: string): void {
    for (const word of foldText(text).split(' ')) {
      if (word.length < 5 || /\d/.test(word)) continue;
      const count = this.counts.get(word);
      this.counts.set(word, (count ?? 0) + 1);
      if (count !== undefined) continue;
      for (const variant of deletes(word)) {
        const list = this.byDelete.get(variant);
        if (list) list.push(word); else this.byDelete.set(variant, [word]);
      }
    }
  }

  /** Whether the catalog uses this (folded) word. */
  knows(word: string): boolean {
    return this.counts.has(word);
  }

  /** The catalog word one edit away from `word`, or undefined when the word is known or nothing is close. */
  correct(word: string): string | undefined {
    if (word.length < 5 || this.counts.has(word) || /\d/.test(word)) return undefined;
    const candidates = new Set<string>();
    for (const hit of this.byDelete.get(word) ?? []) candidates.add(hit); // a letter missing from the query
    for (const variant of deletes(word)) {
      if (this.counts.has(variant)) candidates.add(variant); // an extra letter in the query
      for (const hit of this.byDelete.get(variant) ?? []) candidates.add(hit); // substitution or transposition
    }
    let best: string | undefined;
    for (const candidate of candidates) {
      if (candidate[0] !== word[0]) continue; // a real word ("марта") is not a typo of a catalog word ("карта"): typos keep the first letter
      if (!best || this.counts.get(candidate)! > this.counts.get(best)! || (this.counts.get(candidate) === this.counts.get(best) && candidate < best)) {
        best = candidate;
      }
    }
    return best;
  }

  /** The query with corrections appended ("малоко" -> "малоко молоко"), so both spellings count. */
  expand(query: string): string {
    const extra = foldText(query).split(' ').map((word) => this.correct(word)).filter((word): word is string => Boolean(word));
    return extra.length ? `${query} ${extra.join(' ')}` : query;
  }
}
