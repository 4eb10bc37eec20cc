import type { SparseTextVector } from '../embedding/tfidf-embedder.ts';
import type { CatalogWords } from './catalog-words.ts';

/** Whether two words are at most one edit apart (insertion, deletion, substitution or adjacent transposition). */
export function editDistanceAtMostOne(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0; let j = 0; let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) { i += 1; j += 1; continue; }
    edits += 1;
    if (edits > 1) return false;
    if (a.length > b.length) i += 1; else if (b.length > a.length) j += 1;
    else if (a[i + 1] === b[j] && a[i] === b[j + 1]) { i += 2; j += 2; } // transposition
    else { i += 1; j += 1; }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

/**
 * Whether item word (`itemWord`, stem `itemStem`) matches query word (`word`, stem `stem`): the same stem, or for
 * stems of four letters or more one typo away (same first letter, stems or words at most one edit apart).
 */
export function wordMatches(word: string, stem: string, itemWord: string, itemStem: string): boolean {
  if (itemStem === stem) return true;
  return stem.length >= 4 && itemStem.length >= 4 && itemStem[0] === stem[0]
    && (editDistanceAtMostOne(itemStem, stem) || editDistanceAtMostOne(itemWord, word));
}

const EMPTY = -1;

/**
 * A query's sparse TF-IDF weights in a small open-addressing table: a row's dot product with the query is one
 * probe per row feature (no merge of two sorted lists with its unpredictable branches). Row features are visited
 * in increasing id order and each product is the same, so the sum is bit-identical to the sorted merge.
 */
export class QueryWeights {
  private readonly keys: Int32Array;
  private readonly weights: Float32Array;
  private readonly mask: number;

  constructor(query: SparseTextVector) {
    let capacity = 16;
    while (capacity < query.ids.length * 4) capacity *= 2;
    this.mask = capacity - 1;
    this.keys = new Int32Array(capacity).fill(EMPTY);
    this.weights = new Float32Array(capacity);
    for (let i = 0; i < query.ids.length; i += 1) {
      let slot = query.ids[i]! & this.mask;
      while (this.keys[slot] !== EMPTY) slot = (slot + 1) & this.mask;
      this.keys[slot] = query.ids[i]!;
      this.weights[slot] = query.weights[i]!;
    }
  }

  /** The dot product with a row's sparse vector (the cosine: both are normalized). */
  dot(row: SparseTextVector): number {
    const { keys, weights, mask } = this;
    const ids = row.ids;
    const values = row.weights;
    let sum = 0;
    for (let i = 0; i < ids.length; i += 1) {
      const id = ids[i]!;
      let slot = id & mask;
      for (let key = keys[slot]!; key !== EMPTY; key = keys[slot]!) {
        if (key === id) { sum += weights[slot]! * values[i]!; break; }
        slot = (slot + 1) & mask;
      }
    }
    return sum;
  }
}

/**
 * The share of a query's words each catalog row matches (as `wordCoverage` counts it), deciding each query word
 * against each vocabulary word once per query: rows share most of their words, so a search over a few hundred
 * rows checks a few hundred distinct words instead of every word of every row.
 */
export class CoverageMatcher {
  /** Per query word and vocabulary id: 0 not decided yet, 1 matches, 2 does not. */
  private state = new Uint8Array(0);
  private words: readonly string[] = [];
  private stems: readonly string[] = [];

  constructor(private readonly vocabulary: CatalogWords) {}

  /** Starts a query (forgets the previous one's decisions). */
  begin(query: { words: readonly string[]; stems: readonly string[] }): void {
    this.words = query.words;
    this.stems = query.stems;
    const size = query.words.length * this.vocabulary.size;
    if (this.state.length < size) this.state = new Uint8Array(size);
    else this.state.fill(0, 0, size);
  }

  /** The share of the current query's words that row `row` matches. */
  coverage(row: number): number {
    const count = this.words.length;
    if (count === 0) return 0;
    const { offsets, ids, words, stems, size } = this.vocabulary;
    const start = offsets[row]!;
    const end = offsets[row + 1]!;
    let covered = 0;
    for (let q = 0; q < count; q += 1) {
      const base = q * size;
      for (let k = start; k < end; k += 1) {
        const id = ids[k]!;
        let state = this.state[base + id]!;
        if (state === 0) {
          state = wordMatches(this.words[q]!, this.stems[q]!, words[id]!, stems[id]!) ? 1 : 2;
          this.state[base + id] = state;
        }
        if (state === 1) { covered += 1; break; }
      }
    }
    return covered / count;
  }
}
