import type { Random } from '../random.ts';
import { dot } from './vector-math.ts';

/** Centroids of a k-means clustering, row-major (k x dimensions). */
export interface Codebook {
  k: number;
  dimensions: number;
  centroids: Float32Array;
}

function squaredDistance(a: Float32Array, aOffset: number, b: Float32Array, bOffset: number, d: number): number {
  let sum = 0;
  for (let i = 0; i < d; i += 1) { const diff = a[aOffset + i]! - b[bOffset + i]!; sum += diff * diff; }
  return sum;
}

/** The nearest centroid of row `offset` of `data` by Euclidean distance. */
export function nearestCentroid(codebook: Codebook, data: Float32Array, offset: number): number {
  let best = 0; let bestDistance = Infinity;
  for (let c = 0; c < codebook.k; c += 1) {
    const distance = squaredDistance(data, offset, codebook.centroids, c * codebook.dimensions, codebook.dimensions);
    if (distance < bestDistance) { bestDistance = distance; best = c; }
  }
  return best;
}

/** Rows assigned to their nearest centroid between two yields of {@link kmeansSteps} (~1-3 ms at √n clusters). */
const ROWS_PER_STEP = 8;
/** Rows compared with one centroid between two yields (seeding, centroid sums). */
const ROWS_PER_PASS_STEP = 1024;

/**
 * Seeded k-means (k-means++ seeding, Lloyd iterations) over `count` rows of `data`. Used for the inverted-file
 * index and the residual-quantization codebooks of semantic ids. Empty clusters are re-seeded from the farthest row.
 */
export function kmeans(data: Float32Array, count: number, dimensions: number, k: number, random: Random,
  iterations = 12): { codebook: Codebook; assignment: Int32Array } {
  const steps = kmeansSteps(data, count, dimensions, k, random, iterations);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * {@link kmeans} as a generator that yields every few rows of each pass (a step is a few milliseconds), so a caller
 * can spread the work over many event-loop turns. Same arithmetic in the same order: same seed, same result.
 */
export function* kmeansSteps(data: Float32Array, count: number, dimensions: number, k: number, random: Random,
  iterations = 12): Generator<void, { codebook: Codebook; assignment: Int32Array }> {
  const clusters = Math.max(1, Math.min(k, count));
  const centroids = new Float32Array(clusters * dimensions);
  const nearest = new Float64Array(count).fill(Infinity);
  let chosen = random.int(count);
  for (let c = 0; c < clusters; c += 1) {
    centroids.set(data.subarray(chosen * dimensions, (chosen + 1) * dimensions), c * dimensions);
    let total = 0;
    for (let r = 0; r < count; r += 1) {
      nearest[r] = Math.min(nearest[r]!, squaredDistance(data, r * dimensions, centroids, c * dimensions, dimensions));
      total += nearest[r]!;
      if (r % ROWS_PER_PASS_STEP === ROWS_PER_PASS_STEP - 1) yield;
    }
    let x = random.next() * total;
    chosen = count - 1;
    for (let r = 0; r < count; r += 1) { x -= nearest[r]!; if (x <= 0) { chosen = r; break; } }
    yield;
  }
  const codebook: Codebook = { k: clusters, dimensions, centroids };
  const assignment = new Int32Array(count);
  for (let iteration = 0; iteration < iterations; iteration += 1) {
    let changed = 0;
    for (let r = 0; r < count; r += 1) {
      const c = nearestCentroid(codebook, data, r * dimensions);
      if (c !== assignment[r] || iteration === 0) changed += 1;
      assignment[r] = c;
      if (r % ROWS_PER_STEP === ROWS_PER_STEP - 1) yield;
    }
    const sums = new Float64Array(clusters * dimensions);
    const sizes = new Int32Array(clusters);
    for (let r = 0; r < count; r += 1) {
      const c = assignment[r]!;
      sizes[c]! += 1;
      for (let i = 0; i < dimensions; i += 1) sums[c * dimensions + i]! += data[r * dimensions + i]!;
      if (r % ROWS_PER_PASS_STEP === ROWS_PER_PASS_STEP - 1) yield;
    }
    for (let c = 0; c < clusters; c += 1) {
      if (sizes[c] === 0) {
        centroids.set(data.subarray(farthestRow(codebook, data, count, assignment) * dimensions).subarray(0, dimensions), c * dimensions);
        continue;
      }
      for (let i = 0; i < dimensions; i += 1) centroids[c * dimensions + i] = sums[c * dimensions + i]! / sizes[c]!;
    }
    if (changed === 0) break;
  }
  return { codebook, assignment };
}

function farthestRow(codebook: Codebook, data: Float32Array, count: number, assignment: Int32Array): number {
  let best = 0; let bestDistance = -1;
  for (let r = 0; r < count; r += 1) {
    const d = codebook.dimensions;
    const distance = squaredDistance(data, r * d, codebook.centroids, assignment[r]! * d, d);
    if (distance > bestDistance) { bestDistance = distance; best = r; }
  }
  return best;
}

/** Centroid indexes ordered by inner product with a (unit) query, best first. */
export function rankCentroids(codebook: Codebook, query: Float32Array): Int32Array {
  const scores = new Float64Array(codebook.k);
  for (let c = 0; c < codebook.k; c += 1) scores[c] = dot(query, codebook.centroids, c * codebook.dimensions);
  return Int32Array.from(Array.from(scores.keys()).sort((a, b) => scores[b]! - scores[a]!));
}
