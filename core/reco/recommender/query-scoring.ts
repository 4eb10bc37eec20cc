import { derivationalRoot } from '../../nlu/derivation.ts';
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

/**
 * What a derived-form match counts for against an exact (or one-typo) one: "гречневая" answers "гречка", but an
 * item saying "гречка" answers it better.
 */
export const DERIVED_MATCH = 0.5;

/**
 * How well item word (`itemWord`, stem `itemStem`, root `itemRoot`) matches a query word: 1 by {@link wordMatches},
 * {@link DERIVED_MATCH} when only their derivational roots agree (гречк/гречнев), else 0.
 */
export function wordMatchStrength(word: string, stem: string, root: string, itemWord: string, itemStem: string, itemRoot: string): number {
  if (wordMatches(word, stem, itemWord, itemStem)) return 1;
  // Roots differ from stems only for Cyrillic words, so equal roots of Latin words were equal stems above.
  return root === itemRoot ? DERIVED_MATCH : 0;
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

const UNDECIDED = 0;
const EXACT = 1;
const NONE = 2;
const DERIVED = 3;

/**
 * The share of a query's words each catalog row matches (as `wordCoverage` counts it: a derived form counts
 * {@link DERIVED_MATCH}), deciding each query word against each vocabulary word once per query: rows share most
 * of their words, so a search over a few hundred rows checks a few hundred distinct words instead of every word
 * of every row.
 */
export class CoverageMatcher {
  /** Per query word and vocabulary id: UNDECIDED, EXACT, DERIVED or NONE. */
  private state = new Uint8Array(0);
  private words: readonly string[] = [];
  private stems: readonly string[] = [];
  private roots: string[] = [];

  constructor(private readonly vocabulary: CatalogWords) {}

  /** Starts a query (forgets the previous one's decisions). */
  begin(query: { words: readonly string[]; stems: readonly string[] }): void {
    this.words = query.words;
    this.stems = query.stems;
    this.roots = query.stems.map(derivationalRoot);
    const size = query.words.length * this.vocabulary.size;
    if (this.state.length < size) this.state = new Uint8Array(size);
    else this.state.fill(0, 0, size);
  }

  /** Bit `q` is set when the last row {@link coverage} looked at matched query word `q` (of the first 31) exactly. */
  exactWords = 0;
  /** Whether the last row {@link coverage} looked at matched some query word by a derived form only. */
  anyDerived = false;

  /** The share of the current query's words that row `row` matches. */
  coverage(row: number): number {
    const count = this.words.length;
    this.exactWords = 0;
    this.anyDerived = false;
    if (count === 0) return 0;
    const { offsets, ids, size } = this.vocabulary;
    const start = offsets[row]!;
    const end = offsets[row + 1]!;
    let covered = 0;
    for (let q = 0; q < count; q += 1) {
      const base = q * size;
      let best = 0;
      for (let k = start; k < end; k += 1) {
        const id = ids[k]!;
        let state = this.state[base + id]!;
        if (state === UNDECIDED) {
          state = this.decide(q, id);
          this.state[base + id] = state;
        }
        if (state === EXACT) { best = 1; break; }
        if (state === DERIVED) best = DERIVED_MATCH;
      }
      if (best === 1) { if (q < 31) this.exactWords |= 1 << q; } else if (best > 0) this.anyDerived = true;
      covered += best;
    }
    return covered / count;
  }

  private decide(q: number, id: number): number {
    const { words, stems, roots } = this.vocabulary;
    const strength = wordMatchStrength(this.words[q]!, this.stems[q]!, this.roots[q]!, words[id]!, stems[id]!, roots[id]!);
    return strength === 1 ? EXACT : strength > 0 ? DERIVED : NONE;
  }
}

/**
 * The word features of a query's derived forms (гречнев for гречк), each with the query word it stands for: a row
 * scores a derived form only for a query word it does not match exactly, so "Паста ореховая «Намажь орех»" is not
 * counted twice for "орехами".
 */
export class DerivedWeights {
  private readonly keys: Int32Array;
  private readonly weights: Float32Array;
  private readonly owners: Int32Array;
  private readonly mask: number;

  /** The features as a sparse query, for retrieving rows from the lexical postings. */
  readonly retrieval: SparseTextVector;

  constructor(ids: Int32Array, weights: Float32Array, owners: Int32Array) {
    this.retrieval = { ids, weights };
    let capacity = 16;
    while (capacity < ids.length * 4) capacity *= 2;
    this.mask = capacity - 1;
    this.keys = new Int32Array(capacity).fill(EMPTY);
    this.weights = new Float32Array(capacity);
    this.owners = new Int32Array(capacity);
    for (let i = 0; i < ids.length; i += 1) {
      let slot = ids[i]! & this.mask;
      while (this.keys[slot] !== EMPTY && this.keys[slot] !== ids[i]) slot = (slot + 1) & this.mask;
      if (this.keys[slot] === ids[i]) continue; // a feature two query words share counts for the first
      this.keys[slot] = ids[i]!;
      this.weights[slot] = weights[i]!;
      this.owners[slot] = owners[i]!;
    }
  }

  get size(): number {
    return this.retrieval.ids.length;
  }

  /** {@link DERIVED_MATCH} times the dot product with a row, over the query words not in `exactWords` (a bit set). */
  dot(row: SparseTextVector, exactWords: number): number {
    const { keys, weights, owners, mask } = this;
    const ids = row.ids;
    const values = row.weights;
    let sum = 0;
    for (let i = 0; i < ids.length; i += 1) {
      const id = ids[i]!;
      let slot = id & mask;
      for (let key = keys[slot]!; key !== EMPTY; key = keys[slot]!) {
        if (key === id) {
          const owner = owners[slot]!;
          if (owner >= 31 || ((exactWords >>> owner) & 1) === 0) sum += weights[slot]! * values[i]!;
          break;
        }
        slot = (slot + 1) & mask;
      }
    }
    return sum * DERIVED_MATCH;
  }
}
