import { ValidationError } from '../../errors.ts';

/** Dot product of two rows of equal length; `b` may be a view into a larger buffer at `offset`. */
export function dot(a: Float32Array, b: Float32Array, offset = 0): number {
  let sum = 0;
  const n = a.length;
  let i = 0;
  // Unrolled by four: the hot loop of every exact scan.
  for (; i + 3 < n; i += 4) {
    sum += a[i]! * b[offset + i]! + a[i + 1]! * b[offset + i + 1]! + a[i + 2]! * b[offset + i + 2]! + a[i + 3]! * b[offset + i + 3]!;
  }
  for (; i < n; i += 1) sum += a[i]! * b[offset + i]!;
  return sum;
}

/**
 * Dot product of `n` values of `a` from `aOffset` and `b` from `bOffset` (rows of two flat buffers), summed in the
 * same order as {@link dot}, so both give bit-identical results for the same rows.
 */
export function dotAt(a: Float32Array, aOffset: number, b: Float32Array, bOffset: number, n: number): number {
  let sum = 0;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    sum += a[aOffset + i]! * b[bOffset + i]! + a[aOffset + i + 1]! * b[bOffset + i + 1]!
      + a[aOffset + i + 2]! * b[bOffset + i + 2]! + a[aOffset + i + 3]! * b[bOffset + i + 3]!;
  }
  for (; i < n; i += 1) sum += a[aOffset + i]! * b[bOffset + i]!;
  return sum;
}

/** The sum of squares of `n` values of `v` from `offset`, added in order (one value after the other). */
export function sumOfSquares(v: Float32Array, offset = 0, n = v.length - offset): number {
  let sum = 0;
  for (let i = 0; i < n; i += 1) sum += v[offset + i]! * v[offset + i]!;
  return sum;
}

/** A unit-length Float32 copy of a vector (zero vectors stay zero). Checks the dimension. */
export function normalized(values: Float32Array | readonly number[], dimensions: number): Float32Array {
  if (values.length !== dimensions) {
    throw new ValidationError(`vector has ${values.length} dimensions, the index expects ${dimensions}`);
  }
  const out = Float32Array.from(values);
  let norm = 0;
  for (let i = 0; i < out.length; i += 1) {
    if (!Number.isFinite(out[i]!)) throw new ValidationError('vector values must be finite numbers');
    norm += out[i]! * out[i]!;
  }
  norm = Math.sqrt(norm);
  if (norm > 0) for (let i = 0; i < out.length; i += 1) out[i]! /= norm;
  return out;
}

/** Keeps the best `k` (score, value) pairs seen so far; `push` is O(log k) and allocates nothing once full. */
export class TopK<T> {
  private readonly scores: Float64Array;
  private readonly values: T[] = [];
  private count = 0;

  constructor(private readonly k: number) {
    this.scores = new Float64Array(Math.max(0, k));
  }

  /** The smallest score that still gets in (−Infinity until full). */
  get threshold(): number {
    return this.count < this.k ? -Infinity : this.scores[0]!;
  }

  push(score: number, value: T): void {
    if (this.k <= 0) return;
    if (this.count < this.k) {
      this.scores[this.count] = score; this.values[this.count] = value;
      this.count += 1;
      this.up(this.count - 1);
    } else if (score > this.scores[0]!) {
      this.scores[0] = score; this.values[0] = value;
      this.down(0);
    }
  }

  get size(): number {
    return this.count;
  }

  /** The `i`-th kept value in heap order (not ranked), for callers that need only the set of winners. */
  valueAt(i: number): T {
    return this.values[i]!;
  }

  /** Empties the keeper for reuse (no new buffers). */
  clear(): void {
    this.count = 0;
  }

  /** Best first. */
  sorted(): { score: number; value: T }[] {
    const out: { score: number; value: T }[] = [];
    for (let i = 0; i < this.count; i += 1) out.push({ score: this.scores[i]!, value: this.values[i]! });
    return out.sort((a, b) => b.score - a.score);
  }

  private swap(i: number, j: number): void {
    // Temporaries, not a destructuring swap: that allocates an array per swap on the hot path.
    const score = this.scores[i]!; this.scores[i] = this.scores[j]!; this.scores[j] = score;
    const value = this.values[i]!; this.values[i] = this.values[j]!; this.values[j] = value;
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.scores[parent]! <= this.scores[i]!) break;
      this.swap(i, parent); i = parent;
    }
  }

  private down(i: number): void {
    const n = this.count;
    for (;;) {
      const l = 2 * i + 1; const r = l + 1;
      let m = i;
      if (l < n && this.scores[l]! < this.scores[m]!) m = l;
      if (r < n && this.scores[r]! < this.scores[m]!) m = r;
      if (m === i) break;
      this.swap(i, m); i = m;
    }
  }
}
