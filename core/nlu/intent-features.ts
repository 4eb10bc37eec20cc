import { hashFinish, hashStep, hashString, hashUpdate } from './hashing.ts';
import type { Token } from './text.ts';

/** A sparse feature vector: hashed feature ids and their weights (L2-normalized). */
export interface SparseVector {
  ids: Uint32Array;
  values: Float32Array;
}

/** Which feature groups the intent classifier uses and how much each weighs. */
export interface IntentFeatureConfig {
  words: number;
  stems: number;
  bigrams: number;
  chars: number;
  /** Character n-gram sizes inside "<word>". */
  charMin: number;
  charMax: number;
}

/** Defaults chosen for short, inflected, misspelled chat messages. */
export const DEFAULT_INTENT_FEATURES: IntentFeatureConfig = {
  words: 1, stems: 1, bigrams: 0.7, chars: 0.35, charMin: 2, charMax: 5,
};

// 30-bit ids stay small integers in V8, which keeps Map lookups on the hot path fast.
const SMALL = 0x3fffffff;
/** The hashed id of an intent feature key ("w:молоко"). */
export function featureId(key: string): number {
  return hashString(key) & SMALL;
}

const BOS = '⟨s⟩';
const EOS = '⟨/s⟩';

/** Word, stem, stem-bigram and character n-gram features of a tokenized message, hashed and L2-normalized. */
export function intentFeatures(tokens: readonly Token[], config: IntentFeatureConfig = DEFAULT_INTENT_FEATURES): SparseVector {
  const acc = new Map<number, number>();
  const add = (key: string, weight: number): void => {
    const id = hashString(key) & SMALL;
    acc.set(id, (acc.get(id) ?? 0) + weight);
  };
  const units: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'punct') {
      if (token.norm === '?') add('p:?', config.words);
      continue;
    }
    const unit = token.kind === 'number' ? '#' : token.stem;
    units.push(unit);
    if (token.kind === 'number') {
      add('w:#', config.words);
      continue;
    }
    add(`w:${token.norm}`, config.words);
    if (token.stem !== token.norm) add(`s:${token.stem}`, config.stems);
    addCharGrams(`<${token.norm}>`, config, acc);
  }
  for (let i = -1; i < units.length; i++) {
    const left = i < 0 ? BOS : units[i];
    const right = i + 1 >= units.length ? EOS : units[i + 1];
    if (units.length > 0) add(`b:${left}|${right}`, config.bigrams);
  }
  return normalize(acc);
}

const CHAR_PREFIX = hashUpdate(0x811c9dc5, 'c:');

// Hashes every n-gram of the word by extending one running hash per start position: same ids as hashing
// `c:${gram}`, without allocating the grams.
function addCharGrams(word: string, config: IntentFeatureConfig, acc: Map<number, number>): void {
  if (config.chars <= 0) return;
  for (let i = 0; i < word.length; i++) {
    let state = CHAR_PREFIX;
    for (let n = 1; n <= config.charMax && i + n <= word.length; n++) {
      state = hashStep(state, word.charCodeAt(i + n - 1));
      if (n < config.charMin) continue;
      const id = hashFinish(state) & SMALL;
      acc.set(id, (acc.get(id) ?? 0) + config.chars);
    }
  }
}

function normalize(acc: Map<number, number>): SparseVector {
  const ids = new Uint32Array(acc.size);
  const values = new Float32Array(acc.size);
  let norm = 0;
  let i = 0;
  for (const [id, value] of acc) {
    ids[i] = id;
    values[i] = value;
    norm += value * value;
    i++;
  }
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let j = 0; j < values.length; j++) values[j] = (values[j] as number) * scale;
  return { ids, values };
}
