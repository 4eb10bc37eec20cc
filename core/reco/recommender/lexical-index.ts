import type { SparseTextVector } from '../embedding/tfidf-embedder.ts';
import { wordFeatureId } from '../embedding/text-features.ts';
import { TopK } from '../vector/vector-math.ts';
import type { TimeSlicer } from '../../time-slicer.ts';

/**
 * Inverted postings of word-stem features with their TF-IDF weights: exact lexical retrieval, the product-search
 * workhorse. A query touches only the postings of its own words, so "молоко" over 50,000 items costs a few
 * thousand additions, and no relevant item can be missed the way an approximate vector search can miss it.
 */
export class LexicalIndex {
  private readonly postings = new Map<number, { rows: Int32Array; weights: Float32Array }>();
  private scores: Float32Array;
  private touched: Int32Array;

  constructor(sparse: readonly SparseTextVector[], stemsOfRow: (row: number) => readonly string[]) {
    const steps = postingSteps(sparse, stemsOfRow, this.postings);
    while (!steps.next().done);
    this.scores = new Float32Array(sparse.length);
    this.touched = new Int32Array(sparse.length);
  }

  /** The same index, built in slices that let the event loop in between. */
  static async buildSliced(sparse: readonly SparseTextVector[], stemsOfRow: (row: number) => readonly string[],
    slicer: TimeSlicer): Promise<LexicalIndex> {
    const index = new LexicalIndex([], stemsOfRow);
    await slicer.drain(postingSteps(sparse, stemsOfRow, index.postings));
    index.scores = new Float32Array(sparse.length);
    index.touched = new Int32Array(sparse.length);
    return index;
  }

  /**
   * The `limit` rows with the largest word-feature dot product with the query that `accept` lets through, in no
   * particular order, in a buffer reused by the next search (copy it to keep it).
   */
  search(query: SparseTextVector, limit: number, accept: (row: number) => boolean): Int32Array {
    // The touched rows go to a buffer kept across calls (no garbage per query on common words).
    const { scores, touched } = this;
    let count = 0;
    for (let i = 0; i < query.ids.length; i += 1) {
      const list = this.postings.get(query.ids[i]!);
      if (!list) continue;
      const weight = query.weights[i]!;
      for (let p = 0; p < list.rows.length; p += 1) {
        const row = list.rows[p]!;
        if (scores[row] === 0) { touched[count] = row; count += 1; }
        scores[row]! += weight * list.weights[p]!;
      }
    }
    return this.select(count, limit, accept);
  }

  private readonly keepers = new Map<number, TopK<number>>();
  private winners = new Int32Array(64);

  private keeper(limit: number): TopK<number> {
    let top = this.keepers.get(limit);
    if (!top) {
      if (this.keepers.size > 16) this.keepers.clear();
      top = new TopK<number>(limit);
      this.keepers.set(limit, top);
    }
    top.clear();
    return top;
  }

  private select(count: number, limit: number, accept: (row: number) => boolean): Int32Array {
    const { scores, touched } = this;
    // Rank first and check constraints only on the winners: the check costs far more than a comparison, and on
    // common words thousands of rows score. Only when some winner is rejected does a second, checked pass run.
    // The threshold is kept in a local: reading it through the getter in the loop boxes a double per row.
    let top = this.keeper(limit);
    let threshold = -Infinity;
    for (let t = 0; t < count; t += 1) {
      const row = touched[t]!;
      const score = scores[row]!;
      if (score > threshold) { top.push(score, row); threshold = top.threshold; }
    }
    let allAccepted = true;
    for (let i = 0; i < top.size && allAccepted; i += 1) allAccepted = accept(top.valueAt(i));
    if (!allAccepted) {
      top = this.keeper(limit);
      threshold = -Infinity;
      for (let t = 0; t < count; t += 1) {
        const row = touched[t]!;
        const score = scores[row]!;
        if (score > threshold && accept(row)) { top.push(score, row); threshold = top.threshold; }
      }
    }
    for (let t = 0; t < count; t += 1) scores[touched[t]!] = 0;
    if (this.winners.length < top.size) this.winners = new Int32Array(top.size);
    for (let i = 0; i < top.size; i += 1) this.winners[i] = top.valueAt(i);
    return this.winners.subarray(0, top.size);
  }
}

/** Fills `postings` with the word-stem features of every row, yielding after each row of each pass. */
function* postingSteps(sparse: readonly SparseTextVector[], stemsOfRow: (row: number) => readonly string[],
  postings: Map<number, { rows: Int32Array; weights: Float32Array }>): Generator<void, void> {
  const wordFeatures = new Set<number>();
  for (let row = 0; row < sparse.length; row += 1) {
    for (const stem of stemsOfRow(row)) wordFeatures.add(wordFeatureId(stem));
    yield;
  }
  const lists = new Map<number, { rows: number[]; weights: number[] }>();
  for (let row = 0; row < sparse.length; row += 1) {
    const vector = sparse[row]!;
    for (let i = 0; i < vector.ids.length; i += 1) {
      const feature = vector.ids[i]!;
      if (!wordFeatures.has(feature)) continue;
      let list = lists.get(feature);
      if (!list) { list = { rows: [], weights: [] }; lists.set(feature, list); }
      list.rows.push(row);
      list.weights.push(vector.weights[i]!);
    }
    yield;
  }
  for (const [feature, list] of lists) {
    postings.set(feature, { rows: Int32Array.from(list.rows), weights: Float32Array.from(list.weights) });
  }
}
