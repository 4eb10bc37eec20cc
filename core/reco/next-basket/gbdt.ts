/** One regression tree: internal nodes split `feature <= threshold`; leaves hold values. */
interface Tree {
  feature: Int32Array;
  threshold: Float64Array;
  left: Int32Array;
  right: Int32Array;
  value: Float64Array;
}

/** Gradient-boosted trees for binary labels (logistic loss): the next-basket ranker. */
export interface BoostedTrees {
  trees: Tree[];
  bias: number;
  learningRate: number;
}

/** Options of {@link fitBoostedTrees}. */
export interface BoostingOptions {
  trees?: number;
  depth?: number;
  learningRate?: number;
  /** L2 on leaf values. */
  lambda?: number;
  /** Smallest hessian sum a child may have. */
  minChildWeight?: number;
  bins?: number;
}

/** Quantile bin edges per feature (at most `bins - 1` distinct edges). */
function binEdges(rows: Float64Array, count: number, width: number, bins: number): Float64Array[] {
  const edges: Float64Array[] = [];
  const step = Math.max(1, Math.floor(count / 20_000));
  for (let c = 0; c < width; c += 1) {
    const values: number[] = [];
    for (let r = 0; r < count; r += step) values.push(rows[r * width + c]!);
    values.sort((a, b) => a - b);
    const cuts = new Set<number>();
    for (let b = 1; b < bins; b += 1) cuts.add(values[Math.floor((b / bins) * (values.length - 1))]!);
    edges.push(Float64Array.from([...cuts].sort((a, b) => a - b)));
  }
  return edges;
}

function binOf(edges: Float64Array, value: number): number {
  let lo = 0; let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (value <= edges[mid]!) hi = mid; else lo = mid + 1;
  }
  return lo;
}

/**
 * Fits boosted trees with second-order (Newton) leaf values on histogram-binned features, level by level.
 * Each split `bin <= b` is stored as the raw threshold `edges[b]`, so prediction needs no binning.
 */
export function fitBoostedTrees(rows: Float64Array, labels: Uint8Array, width: number,
  options: BoostingOptions & { sampleWeights?: Float64Array } = {}): BoostedTrees {
  const count = labels.length;
  const depth = options.depth ?? 4;
  const rounds = options.trees ?? 80;
  const learningRate = options.learningRate ?? 0.1;
  const lambda = options.lambda ?? 1;
  const minChild = options.minChildWeight ?? 1;
  const bins = options.bins ?? 32;
  const weights = options.sampleWeights ?? new Float64Array(count).fill(1);
  const edges = binEdges(rows, count, width, bins);
  const binned = new Uint8Array(count * width);
  for (let r = 0; r < count; r += 1) for (let c = 0; c < width; c += 1) binned[r * width + c] = binOf(edges[c]!, rows[r * width + c]!);
  let positive = 0; let total = 0;
  for (let r = 0; r < count; r += 1) { positive += labels[r]! * weights[r]!; total += weights[r]!; }
  const prior = Math.min(Math.max(positive / Math.max(total, 1e-9), 1e-6), 1 - 1e-6);
  const bias = Math.log(prior / (1 - prior));
  const margin = new Float64Array(count).fill(bias);
  const grad = new Float64Array(count);
  const hess = new Float64Array(count);
  const node = new Int32Array(count);
  const trees: Tree[] = [];
  const maxNodes = 2 ** (depth + 1);
  for (let round = 0; round < rounds; round += 1) {
    for (let r = 0; r < count; r += 1) {
      const p = 1 / (1 + Math.exp(-margin[r]!));
      grad[r] = weights[r]! * (p - labels[r]!);
      hess[r] = weights[r]! * Math.max(p * (1 - p), 1e-6);
    }
    const tree: Tree = { feature: new Int32Array(maxNodes).fill(-1), threshold: new Float64Array(maxNodes),
      left: new Int32Array(maxNodes).fill(-1), right: new Int32Array(maxNodes).fill(-1), value: new Float64Array(maxNodes) };
    node.fill(0);
    let frontier = [0];
    let next = 1;
    for (let level = 0; level < depth && frontier.length > 0; level += 1) {
      const slot = new Int32Array(maxNodes).fill(-1);
      frontier.forEach((id, i) => { slot[id] = i; });
      const histG = new Float64Array(frontier.length * width * bins);
      const histH = new Float64Array(frontier.length * width * bins);
      for (let r = 0; r < count; r += 1) {
        const s = slot[node[r]!]!;
        if (s < 0) continue;
        const base = s * width * bins;
        const g = grad[r]!; const h = hess[r]!;
        for (let c = 0; c < width; c += 1) {
          const at = base + c * bins + binned[r * width + c]!;
          histG[at]! += g; histH[at]! += h;
        }
      }
      const nextFrontier: number[] = [];
      frontier.forEach((id, s) => {
        let G = 0; let H = 0;
        for (let b = 0; b < bins; b += 1) { G += histG[s * width * bins + b]!; H += histH[s * width * bins + b]!; }
        tree.value[id] = -G / (H + lambda);
        let best = 0; let bestFeature = -1; let bestBin = -1;
        for (let c = 0; c < width; c += 1) {
          let gl = 0; let hl = 0;
          const base = s * width * bins + c * bins;
          for (let b = 0; b < edges[c]!.length; b += 1) {
            gl += histG[base + b]!; hl += histH[base + b]!;
            const gr = G - gl; const hr = H - hl;
            if (hl < minChild || hr < minChild) continue;
            const gain = gl * gl / (hl + lambda) + gr * gr / (hr + lambda) - G * G / (H + lambda);
            if (gain > best) { best = gain; bestFeature = c; bestBin = b; }
          }
        }
        if (bestFeature < 0 || next + 2 > maxNodes) return;
        tree.feature[id] = bestFeature;
        tree.threshold[id] = edges[bestFeature]![bestBin]!;
        tree.left[id] = next; tree.right[id] = next + 1;
        nextFrontier.push(next, next + 1);
        next += 2;
      });
      for (let r = 0; r < count; r += 1) {
        const id = node[r]!;
        const feature = tree.feature[id]!;
        if (feature < 0 || slot[id]! < 0) continue;
        node[r] = binned[r * width + feature]! <= binOf(edges[feature]!, tree.threshold[id]!) ? tree.left[id]! : tree.right[id]!;
      }
      frontier = nextFrontier;
    }
    // Leaves of the last level get their Newton values from one more pass.
    const sumG = new Float64Array(maxNodes); const sumH = new Float64Array(maxNodes);
    for (let r = 0; r < count; r += 1) { sumG[node[r]!]! += grad[r]!; sumH[node[r]!]! += hess[r]!; }
    for (const id of frontier) tree.value[id] = -sumG[id]! / (sumH[id]! + lambda);
    for (let r = 0; r < count; r += 1) margin[r]! += learningRate * tree.value[node[r]!]!;
    trees.push(tree);
  }
  return { trees, bias, learningRate };
}

/** The log-odds of each row. */
export function scoreBoostedTrees(model: BoostedTrees, rows: Float64Array, width: number): Float64Array {
  const count = rows.length / width;
  const out = new Float64Array(count);
  for (let r = 0; r < count; r += 1) {
    let z = model.bias;
    for (const tree of model.trees) {
      let id = 0;
      while (tree.feature[id]! >= 0) id = rows[r * width + tree.feature[id]!]! <= tree.threshold[id]! ? tree.left[id]! : tree.right[id]!;
      z += model.learningRate * tree.value[id]!;
    }
    out[r] = z;
  }
  return out;
}
