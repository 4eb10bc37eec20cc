import type { InternedUser } from './interned.ts';

/** A sparse vector: parallel arrays of item indexes and values. */
export interface SparseVector {
  idx: Int32Array;
  val: Float64Array;
  norm: number;
}

/**
 * The TIFUKNN-style repeat vector of a history: each basket's multi-hot vector weighted by `decay^(age in
 * baskets)`, averaged, so a value is a recency-weighted share of the baskets containing the item.
 */
export function decayedVector(user: InternedUser, decay: number): SparseVector {
  const values = new Map<number, number>();
  const n = user.baskets.length;
  let total = 0;
  for (let b = 0; b < n; b += 1) {
    const weight = decay ** (n - 1 - b);
    total += weight;
    for (const item of user.baskets[b]!) values.set(item, (values.get(item) ?? 0) + weight);
  }
  const idx = new Int32Array(values.size);
  const val = new Float64Array(values.size);
  let k = 0; let norm = 0;
  for (const [item, value] of values) {
    idx[k] = item; val[k] = value / total; norm += val[k]! ** 2; k += 1;
  }
  return { idx, val, norm: Math.sqrt(norm) };
}

/** Neighbouring shoppers found by cosine similarity of their repeat vectors through an inverted index. */
export class NeighbourIndex {
  private readonly postingsUser: Int32Array[];
  private readonly postingsValue: Float64Array[];
  private readonly scores: Float64Array;

  constructor(readonly vectors: readonly SparseVector[], items: number) {
    const lengths = new Int32Array(items);
    for (const vector of vectors) for (const item of vector.idx) lengths[item]! += 1;
    this.postingsUser = Array.from(lengths, (length) => new Int32Array(length));
    this.postingsValue = Array.from(lengths, (length) => new Float64Array(length));
    const fill = new Int32Array(items);
    vectors.forEach((vector, user) => {
      vector.idx.forEach((item, k) => {
        const at = fill[item]!;
        this.postingsUser[item]![at] = user;
        this.postingsValue[item]![at] = vector.val[k]! / (vector.norm || 1);
        fill[item] = at + 1;
      });
    });
    this.scores = new Float64Array(vectors.length);
  }

  /** The `k` most similar other users of `query` as [user index, cosine] pairs, best first. */
  nearest(query: SparseVector, k: number, exclude: number): [number, number][] {
    const touched: number[] = [];
    const { scores } = this;
    query.idx.forEach((item, q) => {
      const users = this.postingsUser[item];
      if (!users) return;
      const values = this.postingsValue[item]!;
      const weight = query.val[q]! / (query.norm || 1);
      for (let p = 0; p < users.length; p += 1) {
        const user = users[p]!;
        if (scores[user] === 0) touched.push(user);
        scores[user]! += weight * values[p]!;
      }
    });
    const best: [number, number][] = [];
    for (const user of touched) {
      const score = scores[user]!;
      scores[user] = 0;
      if (user === exclude || score <= 0) continue;
      if (best.length < k) {
        best.push([user, score]);
        if (best.length === k) best.sort((a, b) => b[1] - a[1]);
      } else if (score > best[k - 1]![1]) {
        let at = k - 1;
        while (at > 0 && best[at - 1]![1] < score) { best[at] = best[at - 1]!; at -= 1; }
        best[at] = [user, score];
      }
    }
    return best.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  }
}

/** Item-to-item neighbours by basket co-occurrence (cosine of basket incidence), top `perItem` per item. */
export class CoOccurrence {
  readonly neighbours: Int32Array[];
  readonly weights: Float64Array[];

  constructor(users: readonly InternedUser[], items: number, perItem = 20, maxBasket = 40) {
    const basketsOf: number[][] = Array.from({ length: items }, () => []);
    const baskets: Int32Array[] = [];
    for (const user of users) for (const basket of user.baskets) {
      const id = baskets.length;
      baskets.push(basket.length > maxBasket ? basket.subarray(0, maxBasket) : basket);
      for (const item of baskets[id]!) basketsOf[item]!.push(id);
    }
    const counts = new Float64Array(items);
    const touched: number[] = [];
    this.neighbours = [];
    this.weights = [];
    for (let item = 0; item < items; item += 1) {
      for (const id of basketsOf[item]!) for (const other of baskets[id]!) {
        if (other === item) continue;
        if (counts[other] === 0) touched.push(other);
        counts[other]! += 1;
      }
      const scored: [number, number][] = [];
      for (const other of touched) {
        const together = counts[other]!;
        counts[other] = 0;
        if (together >= 2) scored.push([other, together / Math.sqrt(basketsOf[item]!.length * basketsOf[other]!.length)]);
      }
      touched.length = 0;
      scored.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
      const top = scored.slice(0, perItem);
      this.neighbours.push(Int32Array.from(top, ([other]) => other));
      this.weights.push(Float64Array.from(top, ([, weight]) => weight));
    }
  }
}
