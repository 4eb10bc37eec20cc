/** The sparse, averaged weights {@link TrainingRows} hands over when training ends. */
export interface SparseRows {
  featureIds: Uint32Array;
  /** Entries of feature row r are [rowStart[r], rowStart[r + 1]). */
  rowStart: Uint32Array;
  entryTags: Uint16Array;
  entryWeights: Float32Array;
}

/**
 * Perceptron weights while training: one dense row of `width` tag weights per feature, allocated on the feature's
 * first update (features never involved in a mistake cost nothing), plus the step-weighted sums that give the
 * averaged weights in one pass at the end (w_avg = w - sum / steps).
 */
export class TrainingRows {
  private readonly index = new Map<number, number>();
  private ids: number[] = [];
  private weights: Float64Array;
  private sums: Float64Array;

  constructor(private readonly width: number, initialRows = 4096) {
    this.weights = new Float64Array(initialRows * width);
    this.sums = new Float64Array(initialRows * width);
  }

  /** Adds the row of each known feature ids[from..to) into `out` at `offset` (the caller zeroes `out`). */
  score(ids: Uint32Array, from: number, to: number, out: Float64Array, offset: number): void {
    const w = this.width;
    for (let f = from; f < to; f++) {
      const row = this.index.get(ids[f] as number);
      if (row === undefined) continue;
      const base = row * w;
      for (let t = 0; t < w; t++) out[offset + t] = (out[offset + t] as number) + (this.weights[base + t] as number);
    }
  }

  /** Adds `delta` to tag `tag` of every feature ids[from..to), at training step `step`. */
  add(ids: Uint32Array, from: number, to: number, tag: number, delta: number, step: number): void {
    for (let f = from; f < to; f++) {
      const at = this.rowOf(ids[f] as number) * this.width + tag;
      this.weights[at] = (this.weights[at] as number) + delta;
      this.sums[at] = (this.sums[at] as number) + delta * step;
    }
  }

  /** The averaged weights after `steps` steps, dropping entries smaller than `prune` in magnitude. */
  averaged(steps: number, prune: number): SparseRows {
    const w = this.width;
    const ids: number[] = [];
    const starts: number[] = [0];
    const tags: number[] = [];
    const values: number[] = [];
    this.ids.forEach((id, row) => {
      const before = tags.length;
      for (let t = 0; t < w; t++) {
        const at = row * w + t;
        const value = (this.weights[at] as number) - (this.sums[at] as number) / steps;
        if (Math.abs(value) < prune) continue;
        tags.push(t);
        values.push(value);
      }
      if (tags.length === before) return;
      ids.push(id);
      starts.push(tags.length);
    });
    return { featureIds: Uint32Array.from(ids), rowStart: Uint32Array.from(starts), entryTags: Uint16Array.from(tags),
      entryWeights: Float32Array.from(values) };
  }

  private rowOf(id: number): number {
    const known = this.index.get(id);
    if (known !== undefined) return known;
    const row = this.ids.length;
    if ((row + 1) * this.width > this.weights.length) this.grow();
    this.index.set(id, row);
    this.ids.push(id);
    return row;
  }

  private grow(): void {
    const weights = new Float64Array(this.weights.length * 2);
    weights.set(this.weights);
    const sums = new Float64Array(this.sums.length * 2);
    sums.set(this.sums);
    this.weights = weights;
    this.sums = sums;
  }
}
