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
  const acc = ACC;
  acc.reset();
  const add = (key: string, weight: number): void => acc.add(hashString(key) & SMALL, weight);
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
  return acc.normalized();
}

/**
 * Sums weights per feature id in an open-addressing table that is reused across messages (a generation stamp marks
 * the live slots, so resetting costs nothing): a message's few hundred n-grams leave no garbage behind, which keeps
 * the garbage collector's pauses out of the recognizer's tail latency. Features come out in first-seen order.
 */
class FeatureAccumulator {
  private keys = new Uint32Array(1024);
  private values = new Float64Array(1024);
  private stamps = new Uint32Array(1024);
  private order = new Int32Array(512);
  private generation = 0;
  private size = 0;

  reset(): void {
    this.generation++;
    if (this.generation >= 0xffffffff) {
      this.stamps.fill(0);
      this.generation = 1;
    }
    this.size = 0;
  }

  add(id: number, weight: number): void {
    const mask = this.keys.length - 1;
    let slot = Math.imul(id, 0x9e3779b1) >>> 0 & mask;
    while (this.stamps[slot] === this.generation) {
      if (this.keys[slot] === id) {
        this.values[slot] = (this.values[slot] as number) + weight;
        return;
      }
      slot = (slot + 1) & mask;
    }
    if (this.size >= this.order.length) {
      this.grow();
      this.add(id, weight);
      return;
    }
    this.stamps[slot] = this.generation;
    this.keys[slot] = id;
    this.values[slot] = weight;
    this.order[this.size++] = slot;
  }

  normalized(): SparseVector {
    const ids = new Uint32Array(this.size);
    const values = new Float32Array(this.size);
    let norm = 0;
    for (let i = 0; i < this.size; i++) {
      const slot = this.order[i] as number;
      const value = this.values[slot] as number;
      ids[i] = this.keys[slot] as number;
      values[i] = value;
      norm += value * value;
    }
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let j = 0; j < values.length; j++) values[j] = (values[j] as number) * scale;
    return { ids, values };
  }

  // Doubles the table (kept at most half full) and re-inserts the live entries in their first-seen order.
  private grow(): void {
    const entries = Array.from(this.order.subarray(0, this.size), (slot) => [this.keys[slot] as number, this.values[slot] as number] as const);
    const capacity = this.keys.length * 2;
    this.keys = new Uint32Array(capacity);
    this.values = new Float64Array(capacity);
    this.stamps = new Uint32Array(capacity);
    this.order = new Int32Array(capacity / 2);
    this.generation = 1;
    this.size = 0;
    for (const [id, value] of entries) this.add(id, value);
  }
}

const ACC = new FeatureAccumulator();

const CHAR_PREFIX = hashUpdate(0x811c9dc5, 'c:');

// Hashes every n-gram of the word by extending one running hash per start position: same ids as hashing
// `c:${gram}`, without allocating the grams.
function addCharGrams(word: string, config: IntentFeatureConfig, acc: FeatureAccumulator): void {
  if (config.chars <= 0) return;
  for (let i = 0; i < word.length; i++) {
    let state = CHAR_PREFIX;
    for (let n = 1; n <= config.charMax && i + n <= word.length; n++) {
      state = hashStep(state, word.charCodeAt(i + n - 1));
      if (n < config.charMin) continue;
      acc.add(hashFinish(state) & SMALL, config.chars);
    }
  }
}
