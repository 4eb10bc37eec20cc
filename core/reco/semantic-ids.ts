import { createRandom } from './random.ts';
import type { Codebook } from './vector/kmeans.ts';
import { kmeansSteps, nearestCentroid } from './vector/kmeans.ts';
import type { TimeSlicer } from '../time-slicer.ts';

/** Rows encoded against a codebook between two yields of a sliced build (well under a millisecond). */
const ENCODED_PER_STEP = 256;

/** Options of residual quantization. */
export interface SemanticIdOptions {
  /** Codebook sizes per level, coarse to fine. Default [64, 32, 32] (capped by the number of items). */
  levels?: number[];
  seed?: number;
  iterations?: number;
  /** Rows the codebooks are trained on. Default 3,000. */
  trainingSample?: number;
  /**
   * Codes are learned on a signed random projection to this many dimensions (default 64): k-means cost falls
   * 4x from 256-dimensional embeddings while cosine structure is kept (Johnson–Lindenstrauss).
   */
  reduceTo?: number;
}

/**
 * Semantic item ids (as in generative retrieval, TIGER/Rec-LLM): residual quantization of item embeddings with
 * one k-means codebook per level. An item's code "c12-7-33" names its coarse cluster, then the cluster of its
 * residual, and so on, so items sharing a prefix are semantically close. Codes shared by several items get a
 * disambiguating suffix ("c12-7-33-1"), so every code names exactly one item.
 */
export class SemanticIds {
  private readonly codeOfId = new Map<string, string>();
  private readonly idOfCode = new Map<string, string>();
  private readonly byPrefix = new Map<string, string[]>();

  private constructor(readonly codebooks: Codebook[], private readonly reduction: Reducer) {}

  /** Learns the codebooks from `count` rows of `data` (row i is the embedding of ids[i]) and assigns codes. */
  static build(ids: readonly string[], data: Float32Array, fullDimensions: number, options: SemanticIdOptions = {}): SemanticIds {
    const steps = SemanticIds.buildSteps(ids, data, fullDimensions, options);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  }

  /** {@link build} spread over event-loop turns by a time slicer: the same codes, without blocking the loop. */
  static async buildSliced(ids: readonly string[], data: Float32Array, fullDimensions: number, slicer: TimeSlicer,
    options: SemanticIdOptions = {}): Promise<SemanticIds> {
    return slicer.drain(SemanticIds.buildSteps(ids, data, fullDimensions, options));
  }

  /** The build as a generator yielding every few milliseconds of work (k-means steps, blocks of encoded rows). */
  private static *buildSteps(ids: readonly string[], data: Float32Array, fullDimensions: number,
    options: SemanticIdOptions): Generator<void, SemanticIds> {
    const random = createRandom(options.seed ?? 5);
    const count = ids.length;
    const reduction = reducer(fullDimensions, options.reduceTo ?? 64, options.seed ?? 5);
    const dimensions = reduction.dimensions;
    const residual = reduction.apply(data, count);
    yield;
    const codes: number[][] = ids.map(() => []);
    const codebooks: Codebook[] = [];
    // Codebooks are learned on a sample (k-means is the expensive part); every item is then encoded.
    const sampleSize = Math.min(count, options.trainingSample ?? 3000);
    const order = Array.from({ length: count }, (_, i) => i);
    for (let i = 0; i < sampleSize; i += 1) {
      const j = i + random.int(count - i);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const size of options.levels ?? [64, 32, 32]) {
      if (count === 0) break;
      const sample = new Float32Array(sampleSize * dimensions);
      for (let i = 0; i < sampleSize; i += 1) {
        sample.set(residual.subarray(order[i]! * dimensions, (order[i]! + 1) * dimensions), i * dimensions);
      }
      const k = Math.max(1, Math.min(size, Math.ceil(sampleSize / 4)));
      const { codebook } = yield* kmeansSteps(sample, sampleSize, dimensions, k, random, options.iterations ?? 10);
      codebooks.push(codebook);
      for (let r = 0; r < count; r += 1) {
        const c = nearestCentroid(codebook, residual, r * dimensions);
        codes[r]!.push(c);
        for (let i = 0; i < dimensions; i += 1) residual[r * dimensions + i]! -= codebook.centroids[c * dimensions + i]!;
        if (r % ENCODED_PER_STEP === ENCODED_PER_STEP - 1) yield;
      }
    }
    const semantic = new SemanticIds(codebooks, reduction);
    ids.forEach((id, r) => semantic.assign(id, `c${codes[r]!.join('-')}`));
    return semantic;
  }

  /** The code of an item id. */
  codeOf(id: string): string | undefined {
    return this.codeOfId.get(id);
  }

  /** The item a full code names. */
  idOf(code: string): string | undefined {
    return this.idOfCode.get(code);
  }

  /** Items whose code starts with `prefix` ("c12" or "c12-7"), coarse-to-fine candidate sets. */
  idsWithPrefix(prefix: string): readonly string[] {
    return this.byPrefix.get(prefix) ?? [];
  }

  /** The first `levels` levels of a code ("c12-7-33" -> "c12-7" for 2). */
  static prefix(code: string, levels: number): string {
    return code.split('-').slice(0, levels).join('-');
  }

  /** The code a new embedding would get (without disambiguation): places queries in the same space. */
  encode(vector: Float32Array): string {
    const residual = this.reduction.apply(vector, 1);
    const parts: number[] = [];
    for (const codebook of this.codebooks) {
      const c = nearestCentroid(codebook, residual, 0);
      parts.push(c);
      for (let i = 0; i < codebook.dimensions; i += 1) residual[i]! -= codebook.centroids[c * codebook.dimensions + i]!;
    }
    return `c${parts.join('-')}`;
  }

  private assign(id: string, base: string): void {
    let code = base;
    for (let n = 1; this.idOfCode.has(code); n += 1) code = `${base}-${n}`;
    this.codeOfId.set(id, code);
    this.idOfCode.set(code, id);
    const parts = base.split('-');
    for (let level = 1; level <= parts.length; level += 1) {
      const prefix = parts.slice(0, level).join('-');
      const list = this.byPrefix.get(prefix);
      if (list) list.push(id); else this.byPrefix.set(prefix, [id]);
    }
  }
}

interface Reducer {
  dimensions: number;
  /** Projects `count` rows. */
  apply(data: Float32Array, count: number): Float32Array;
}

/** Sums signed groups of input coordinates into `target` outputs (identity when already small enough). */
function reducer(dimensions: number, target: number, seed: number): Reducer {
  if (dimensions <= target) return { dimensions, apply: (data, count) => data.slice(0, count * dimensions) };
  const random = createRandom(seed ^ 0x5bd1e995);
  const bucket = Int32Array.from({ length: dimensions }, () => random.int(target));
  const sign = Float32Array.from({ length: dimensions }, () => (random.next() < 0.5 ? -1 : 1));
  return {
    dimensions: target,
    apply(data, count) {
      const out = new Float32Array(count * target);
      for (let r = 0; r < count; r += 1) {
        for (let i = 0; i < dimensions; i += 1) out[r * target + bucket[i]!]! += sign[i]! * data[r * dimensions + i]!;
      }
      return out;
    },
  };
}
