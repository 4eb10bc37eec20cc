import snowball from 'snowball-stemmers';

/** What a token is made of. */
export type TokenKind = 'word' | 'number' | 'punct';

/** A token with offsets into the original text (UTF-16 code units, end exclusive). */
export interface Token {
  /** The text as written. */
  text: string;
  /** Lower case, ё folded to е. */
  norm: string;
  /** The Snowball stem of `norm` (the number itself for numbers). */
  stem: string;
  kind: TokenKind;
  start: number;
  end: number;
}

/** The longest text the engine looks at; longer messages are cut so a 10,000-character paste stays cheap. */
export const MAX_TEXT_LENGTH = 1000;

// Control characters become spaces (same length) so offsets into the original text stay valid.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u2028\u2029\uFEFF]/g;

/** Replaces control and invisible characters with spaces without changing the length. */
export function scrub(text: string): string {
  return text.replace(CONTROL, ' ');
}

/** Lower-cases and folds ё to е: the comparison form used everywhere. */
export function fold(text: string): string {
  return text.toLowerCase().replace(/ё/g, 'е');
}

const segmenter = new Intl.Segmenter('ru', { granularity: 'word' });
// Splits "2кг" into "2" + "кг" and "5am" into "5" + "am": units glued to numbers are common in chat.
const DIGIT_LETTER = /\p{N}+(?:[.,]\p{N}+)*|[^\p{N}]+/gu;
const NUMBER = /^\p{N}+(?:[.,]\p{N}+)*$/u;
const WORDLIKE = /[\p{L}\p{N}]/u;

/** Splits text into word, number and punctuation tokens (whitespace dropped) and stems each word. */
export function tokenize(text: string): Token[] {
  const source = scrub(text.length > MAX_TEXT_LENGTH ? text.slice(0, MAX_TEXT_LENGTH) : text);
  const tokens: Token[] = [];
  for (const seg of segmenter.segment(source)) {
    if (/^\s+$/u.test(seg.segment)) continue;
    if (!seg.isWordLike && !WORDLIKE.test(seg.segment)) {
      pushPunct(tokens, seg.segment, seg.index);
      continue;
    }
    for (const part of seg.segment.matchAll(DIGIT_LETTER)) {
      const start = seg.index + (part.index ?? 0);
      const value = part[0];
      const norm = fold(value);
      const kind: TokenKind = NUMBER.test(value) ? 'number' : 'word';
      tokens.push({ text: value, norm, stem: kind === 'number' ? norm : stem(norm), kind, start, end: start + value.length });
    }
  }
  return tokens;
}

function pushPunct(tokens: Token[], segment: string, index: number): void {
  // Emoji with modifiers are one segment; other symbol runs are split per code point.
  let offset = 0;
  for (const ch of /\p{Extended_Pictographic}/u.test(segment) ? [segment] : Array.from(segment)) {
    if (!/\s/u.test(ch)) {
      tokens.push({ text: ch, norm: ch, stem: ch, kind: 'punct', start: index + offset, end: index + offset + ch.length });
    }
    offset += ch.length;
  }
}

const ruStemmer = snowball.newStemmer('russian');
const enStemmer = snowball.newStemmer('english');
const CYRILLIC = /[\u0400-\u04FF]/;
const stemCache = new Map<string, string>();
const STEM_CACHE_LIMIT = 50_000;

/** The Snowball stem of a folded word, Russian or English by its script; cached. */
export function stem(word: string): string {
  const cached = stemCache.get(word);
  if (cached !== undefined) return cached;
  const result = word.length < 3 ? word : CYRILLIC.test(word) ? ruStemmer.stem(word) : enStemmer.stem(word);
  if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
  stemCache.set(word, result);
  return result;
}

/** Parses "1,5" or "1.5" into a number. */
export function parseNumeral(text: string): number {
  return Number(text.replace(',', '.'));
}
