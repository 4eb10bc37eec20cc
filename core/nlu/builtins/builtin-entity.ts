import type { Entity } from '../recognizer.ts';
import type { Token } from '../text.ts';

/** A built-in entity and the tokens [from, to] it covers. */
export interface BuiltinMatch extends Entity {
  from: number;
  to: number;
}

/** Builds an entity over tokens [from, to] of the original text. */
export function entityOver(text: string, tokens: readonly Token[], from: number, to: number, type: string,
  value: unknown): BuiltinMatch {
  const start = (tokens[from] as Token).start;
  const end = (tokens[to] as Token).end;
  return { type, value, text: text.slice(start, end), start, end, from, to, source: 'builtin', confidence: 0.9 };
}

/** If one of the phrases (space-separated folded words) ends right before token `i`, the index where it starts. */
export function phraseBefore(tokens: readonly Token[], i: number, phrases: readonly string[]): { phrase: string; from: number } | undefined {
  let best: { phrase: string; from: number } | undefined;
  for (const phrase of phrases) {
    const words = phrase.split(' ');
    const from = i - words.length;
    if (from < 0) continue;
    if (words.every((w, k) => tokens[from + k]?.norm === w) && (!best || from < best.from)) best = { phrase, from };
  }
  return best;
}
