import type { GazetteerEntry } from './gazetteer.ts';
import { colloquial, normalizeColloquial, SpellingCorrector, switchLayout, transliterate } from './spelling.ts';
import { stem, tokenize } from './text.ts';
import type { Token } from './text.ts';

/** A message as the model reads it: the text (maybe re-typed in the other layout) and its normalized tokens. */
export interface ReadMessage {
  /** Same length as the original, so entity offsets point into the original text too. */
  text: string;
  /** What the intent classifier reads: chat spellings normalized, unknown words corrected. */
  tokens: Token[];
  /** The text's own tokens, for the slot tagger and entity extractors (an unseen name must stay as written). */
  raw: Token[];
  /** Most words were Russian typed in Latin letters: the message is Russian whatever its script says. */
  transliterated: boolean;
}

/**
 * Reads messages the way a shopper meant them: chat spellings normalized ("чё" -> "что"), text typed in the wrong
 * keyboard layout switched back ("ghbdtn" -> "привет"), and words never seen in training corrected to the nearest
 * known word of the training phrases or the catalog ("малако" -> "молоко"), Russian in Latin letters included
 * ("hochu moloko"). Offsets always stay those of the original.
 */
export class MessageReader {
  private readonly corrector: SpellingCorrector;

  constructor(vocabulary: ReadonlyMap<string, number>, gazetteer: readonly GazetteerEntry[] = []) {
    const counts = new Map(vocabulary);
    for (const entry of gazetteer) {
      for (const phrase of entry.phrases) {
        for (const t of tokenize(phrase)) if (t.kind === 'word' && !counts.has(t.norm)) counts.set(t.norm, 0);
      }
    }
    this.corrector = new SpellingCorrector(counts);
  }

  /** Tokens of the text with chat spellings normalized, the keyboard layout fixed and unknown words corrected. */
  read(text: string): ReadMessage {
    const tokens = tokenize(text);
    const switched = this.otherLayout(text, tokens);
    const chosen = switched ?? { text, tokens };
    let fromLatin = 0;
    let latinLetters = 0;
    let words = 0;
    const read = normalizeColloquial(chosen.tokens).map((t) => {
      const out = this.correct(t);
      if (t.kind === 'word') words++;
      if (out !== t && /[a-z]/.test(t.norm) && /[\u0400-\u04FF]/.test(out.norm)) {
        fromLatin++;
        latinLetters += t.norm.length;
      }
      return out;
    });
    // A lone short word ("super" is also "супер") says too little to call the message Russian.
    return { text: chosen.text, tokens: read, raw: chosen.tokens, transliterated: fromLatin * 2 > words && latinLetters >= 6 };
  }

  // The text re-typed in the other layout, when that makes clearly more sense: more of its letters are in known
  // words than in the original, and at least half of them ("нужен пармезан" is not "ye;ty gfhvtpfy").
  private otherLayout(text: string, tokens: readonly Token[]): { text: string; tokens: Token[] } | undefined {
    const original = this.knownLetters(tokens);
    if (original.known * 2 >= original.total) return undefined;
    const switched = switchLayout(text);
    if (switched === undefined) return undefined;
    const other = tokenize(switched);
    const score = this.knownLetters(other);
    return score.known > original.known && score.known * 2 >= score.total ? { text: switched, tokens: other } : undefined;
  }

  private knownLetters(tokens: readonly Token[]): { known: number; total: number } {
    let known = 0;
    let total = 0;
    for (const t of tokens) {
      if (t.kind !== 'word') continue;
      total += t.norm.length;
      if (this.corrector.has(colloquial(t.norm))) known += t.norm.length;
    }
    return { known, total };
  }

  // An unknown word becomes the known word meant: a typo fixed, or else Russian typed in Latin letters ("hochu").
  private correct(token: Token): Token {
    if (token.kind !== 'word' || this.corrector.has(token.norm)) return token;
    let norm = this.corrector.correct(token.norm);
    if (norm === undefined) {
      const russian = transliterate(token.norm);
      if (russian !== undefined && russian.length >= 3) norm = this.corrector.has(russian) ? russian : this.corrector.correct(russian);
    }
    return norm === undefined ? token : { ...token, norm, stem: stem(norm) };
  }
}

/** How often each word (normalized form) occurs in tokenized training phrases: the corrector's vocabulary. */
export function wordCounts(tokenized: readonly (readonly Token[])[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const tokens of tokenized) for (const t of tokens) if (t.kind === 'word') counts.set(t.norm, (counts.get(t.norm) ?? 0) + 1);
  return counts;
}
