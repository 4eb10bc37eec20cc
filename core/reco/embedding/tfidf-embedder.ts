import { hashString } from '../random.ts';
import type { Embedder } from './embedder.ts';
import { textFeatures } from './text-features.ts';
import type { TimeSlicer } from '../../time-slicer.ts';

/** A sparse, L2-normalized TF-IDF vector. */
export interface SparseTextVector {
  ids: Int32Array;
  weights: Float32Array;
}

/** Options of the catalog-trained embedder. */
export interface TfidfEmbedderOptions {
  /** Dense dimensions. Default 256. */
  dimensions?: number;
  /** Output coordinates each feature is spread over (sparse random projection). Default 8. */
  spread?: number;
  seed?: number;
}

/**
 * The embedded embedder, trained locally on catalog texts: TF-IDF over word stems and character 3-grams
 * (ё→е folded, Snowball-stemmed, so inflections and typos still match), projected to dense vectors by a seeded
 * sparse random projection (each feature adds ±w/√s to s hashed coordinates — a Johnson–Lindenstrauss map that
 * keeps cosines). `sparse()` exposes the exact TF-IDF vector for re-ranking.
 */
export class TfidfEmbedder implements Embedder {
  readonly name: string;
  readonly dimensions: number;
  private readonly spread: number;
  private readonly seed: number;
  private readonly idf = new Map<number, number>();
  private defaultIdf = 1;

  constructor(texts: readonly string[], options: TfidfEmbedderOptions = {}) {
    this.dimensions = options.dimensions ?? 256;
    this.spread = options.spread ?? 8;
    this.seed = options.seed ?? 17;
    this.name = `tfidf-${this.dimensions}-${this.seed}`;
    const df = new Map<number, number>();
    for (const text of texts) countFeatures(df, text);
    this.learn(df, texts.length);
  }

  /** The same embedder as `new TfidfEmbedder(texts, options)`, trained in slices that let the event loop in. */
  static async trainSliced(texts: readonly string[], slicer: TimeSlicer, options: TfidfEmbedderOptions = {}): Promise<TfidfEmbedder> {
    const df = new Map<number, number>();
    for (const text of texts) {
      countFeatures(df, text);
      if (slicer.due()) await slicer.pause();
    }
    const embedder = new TfidfEmbedder([], options);
    embedder.learn(df, texts.length);
    return embedder;
  }

  private learn(df: ReadonlyMap<number, number>, n: number): void {
    for (const [id, count] of df) this.idf.set(id, Math.log((n + 1) / (count + 1)) + 1);
    // Features the catalog never had cannot match anything; a middling weight keeps them from dominating the norm.
    this.defaultIdf = Math.log(n + 1) / 2 + 1;
  }

  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    return texts.map((text) => this.embedOne(text));
  }

  /** Synchronous embedding of one text (the in-process hot path). */
  embedOne(text: string): Float32Array {
    return this.project(this.sparse(text));
  }

  /** The exact TF-IDF vector of a text (sublinear tf), L2-normalized. */
  sparse(text: string): SparseTextVector {
    const entries = [...textFeatures(text)].sort((a, b) => a[0] - b[0]);
    const ids = Int32Array.from(entries, ([id]) => id);
    const weights = new Float32Array(entries.length);
    let norm = 0;
    entries.forEach(([id, tf], k) => {
      const idf = this.idf.get(id) ?? this.defaultIdf;
      weights[k] = (tf > 1 ? 1 + Math.log(tf) : tf) * idf;
      norm += weights[k]! ** 2;
    });
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < weights.length; i += 1) weights[i]! /= norm;
    return { ids, weights };
  }

  /** Cosine of two sparse vectors (both normalized). */
  static sparseCosine(a: SparseTextVector, b: SparseTextVector): number {
    let sum = 0; let i = 0; let j = 0;
    while (i < a.ids.length && j < b.ids.length) {
      const x = a.ids[i]!; const y = b.ids[j]!;
      if (x === y) { sum += a.weights[i]! * b.weights[j]!; i += 1; j += 1; } else if (x < y) i += 1; else j += 1;
    }
    return sum;
  }

  /** The dense projection of a sparse TF-IDF vector (so callers holding `sparse()` do not compute it twice). */
  project(vector: SparseTextVector): Float32Array {
    const out = new Float32Array(this.dimensions);
    const scale = 1 / Math.sqrt(this.spread);
    for (let i = 0; i < vector.ids.length; i += 1) {
      const targets = this.targetsOf(vector.ids[i]!);
      const weight = vector.weights[i]!;
      for (let s = 0; s < targets.length; s += 1) {
        const target = targets[s]!;
        // Same operations in the same order as deriving the coordinate and sign on the spot: identical sums.
        out[target >> 1]! += (target & 1 ? -1 : 1) * weight * scale;
      }
    }
    return out;
  }

  private readonly targets = new Map<number, Int32Array>();

  /** A feature's `spread` output coordinates (shifted left one bit, the low bit set for a minus sign), memoized. */
  private targetsOf(feature: number): Int32Array {
    let targets = this.targets.get(feature);
    if (targets) return targets;
    targets = new Int32Array(this.spread);
    let h = hashString(String(feature), this.seed);
    for (let s = 0; s < this.spread; s += 1) {
      h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0;
      h = (h ^ (h >>> 12)) >>> 0;
      targets[s] = ((h % this.dimensions) << 1) | (h & 0x80000000 ? 1 : 0);
    }
    if (this.targets.size > 200_000) this.targets.clear();
    this.targets.set(feature, targets);
    return targets;
  }
}

/** Adds one document's distinct features to the document frequencies. */
function countFeatures(df: Map<number, number>, text: string): void {
  for (const id of textFeatures(text).keys()) df.set(id, (df.get(id) ?? 0) + 1);
}
