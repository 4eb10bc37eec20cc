import { createRandom, shuffle } from './hashing.ts';
import type { SparseVector } from './intent-features.ts';
import type { ModelArray } from './model-codec.ts';

/** One training example: its features and its intent. */
export interface IntentExample {
  features: SparseVector;
  intent: string;
}

/** How the classifier trains. */
export interface IntentTrainOptions {
  seed?: number;
  epochs?: number;
  learningRate?: number;
  /** L2 penalty applied lazily to the coordinates an example touches. */
  l2?: number;
  /** Features seen fewer times are dropped (only on larger training sets). */
  minCount?: number;
  /** Whether to fit a softmax temperature on held-out predictions (needs some examples per intent). */
  calibrate?: boolean;
}

/** An intent and its probability. */
export interface ScoredIntent {
  name: string;
  confidence: number;
}

const DEFAULTS = { seed: 7, learningRate: 0.4, l2: 3e-4, calibrate: true };

/** A multinomial logistic regression over hashed sparse features, trained with AdaGrad, temperature-calibrated. */
export class IntentClassifier {
  private readonly rows: Map<number, number>;

  constructor(
    readonly labels: string[],
    readonly featureIds: Uint32Array,
    readonly weights: Float32Array,
    readonly bias: Float32Array,
    readonly temperature: number,
  ) {
    this.rows = new Map();
    featureIds.forEach((id, row) => this.rows.set(id, row));
  }

  /** Trains on examples; deterministic for a seed. */
  static train(examples: readonly IntentExample[], options: IntentTrainOptions = {}): IntentClassifier {
    const labels = [...new Set(examples.map((e) => e.intent))].sort();
    const minCount = options.minCount ?? (examples.length >= 3000 ? 2 : 1);
    const featureIds = selectFeatures(examples, minCount);
    const raw = fit(examples, labels, featureIds, options);
    const temperature = (options.calibrate ?? DEFAULTS.calibrate) ? fitTemperature(examples, labels, featureIds, options) : 1;
    return new IntentClassifier(labels, featureIds, raw.weights, raw.bias, temperature);
  }

  /** Number of features the model knows. */
  get featureCount(): number {
    return this.featureIds.length;
  }

  /** Whether the model has a weight row for a hashed feature. */
  has(id: number): boolean {
    return this.rows.has(id);
  }

  /** How many of the vector's features the model has seen in training. */
  knownFeatures(vector: SparseVector): number {
    let known = 0;
    for (const id of vector.ids) if (this.rows.has(id)) known++;
    return known;
  }

  /** Calibrated probabilities of every intent, best first. */
  predict(vector: SparseVector): ScoredIntent[] {
    const logits = this.logits(vector);
    const probs = softmax(logits, this.temperature);
    const ranked = this.labels.map((name, k) => ({ name, confidence: probs[k] as number }));
    return ranked.sort((a, b) => b.confidence - a.confidence);
  }

  /** Raw scores before the softmax. */
  logits(vector: SparseVector): Float64Array {
    return computeLogits(vector, this.rows, this.weights, this.bias, this.labels.length);
  }

  /** The arrays and header for {@link encodeModel}. */
  toParts(): { header: { labels: string[]; temperature: number }; arrays: Record<string, ModelArray> } {
    return {
      header: { labels: this.labels, temperature: this.temperature },
      arrays: { featureIds: this.featureIds, weights: this.weights, bias: this.bias },
    };
  }

  /** Rebuilds a classifier from {@link toParts} output. */
  static fromParts(header: { labels: string[]; temperature: number }, arrays: Record<string, ModelArray>): IntentClassifier {
    return new IntentClassifier(header.labels, arrays.featureIds as Uint32Array, arrays.weights as Float32Array,
      arrays.bias as Float32Array, header.temperature);
  }
}

function selectFeatures(examples: readonly IntentExample[], minCount: number): Uint32Array {
  const counts = new Map<number, number>();
  for (const e of examples) for (const id of e.features.ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  const kept = [...counts].filter(([, c]) => c >= minCount).map(([id]) => id).sort((a, b) => a - b);
  return Uint32Array.from(kept);
}

function computeLogits(v: SparseVector, rows: Map<number, number>, w: Float32Array, bias: Float32Array, k: number): Float64Array {
  const z = Float64Array.from(bias);
  for (let i = 0; i < v.ids.length; i++) {
    const row = rows.get(v.ids[i] as number);
    if (row === undefined) continue;
    const x = v.values[i] as number;
    const base = row * k;
    for (let c = 0; c < k; c++) z[c] = (z[c] as number) + x * (w[base + c] as number);
  }
  return z;
}

/** Softmax with a temperature; numerically stable. */
export function softmax(logits: Float64Array, temperature = 1): Float64Array {
  let max = -Infinity;
  for (const z of logits) max = Math.max(max, z);
  const out = new Float64Array(logits.length);
  let sum = 0;
  for (let i = 0; i < logits.length; i++) {
    const e = Math.exp(((logits[i] as number) - max) / temperature);
    out[i] = e;
    sum += e;
  }
  for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) / sum;
  return out;
}

interface Compiled {
  rows: Int32Array[];
  values: Float32Array[];
  gold: Int32Array;
}

function compile(examples: readonly IntentExample[], labels: string[], featureIds: Uint32Array): Compiled {
  const index = new Map<number, number>();
  featureIds.forEach((id, row) => index.set(id, row));
  const labelIndex = new Map(labels.map((l, i) => [l, i]));
  const rows: Int32Array[] = [];
  const values: Float32Array[] = [];
  for (const e of examples) {
    const r: number[] = [];
    const v: number[] = [];
    e.features.ids.forEach((id, i) => {
      const row = index.get(id);
      if (row !== undefined) {
        r.push(row);
        v.push(e.features.values[i] as number);
      }
    });
    rows.push(Int32Array.from(r));
    values.push(Float32Array.from(v));
  }
  return { rows, values, gold: Int32Array.from(examples.map((e) => labelIndex.get(e.intent) ?? 0)) };
}

function defaultEpochs(n: number): number {
  if (n < 2000) return 30;
  if (n < 8000) return 15;
  return 10;
}

function fit(examples: readonly IntentExample[], labels: string[], featureIds: Uint32Array, options: IntentTrainOptions): {
  weights: Float32Array;
  bias: Float32Array;
} {
  const k = labels.length;
  const data = compile(examples, labels, featureIds);
  const weights = new Float32Array(featureIds.length * k);
  const grads = new Float32Array(featureIds.length * k);
  const bias = new Float32Array(k);
  const biasGrads = new Float32Array(k);
  const lr = options.learningRate ?? DEFAULTS.learningRate;
  const l2 = options.l2 ?? DEFAULTS.l2;
  const random = createRandom(options.seed ?? DEFAULTS.seed);
  const order = examples.map((_, i) => i);
  const epochs = options.epochs ?? defaultEpochs(examples.length);
  const z = new Float64Array(k);
  const g = new Float64Array(k);
  const active = new Int32Array(k);
  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffle(order, random);
    for (const i of order) {
      const rows = data.rows[i] as Int32Array;
      const values = data.values[i] as Float32Array;
      const gold = data.gold[i] as number;
      scoreInto(z, rows, values, weights, bias, k);
      const p = softmax(z);
      let nActive = 0;
      for (let c = 0; c < k; c++) {
        const gc = (p[c] as number) - (c === gold ? 1 : 0);
        // Classes the model already rules out contribute almost nothing: skipping them makes epochs cheap.
        if (Math.abs(gc) < 1e-4) continue;
        g[c] = gc;
        active[nActive++] = c;
        biasGrads[c] = (biasGrads[c] as number) + gc * gc;
        bias[c] = (bias[c] as number) - (lr * gc) / Math.sqrt((biasGrads[c] as number) + 1e-8);
      }
      for (let j = 0; j < rows.length; j++) {
        const base = (rows[j] as number) * k;
        const x = values[j] as number;
        for (let a = 0; a < nActive; a++) {
          const c = active[a] as number;
          const at = base + c;
          const w = weights[at] as number;
          const wg = (g[c] as number) * x + l2 * w;
          const acc = (grads[at] as number) + wg * wg;
          grads[at] = acc;
          weights[at] = w - (lr * wg) / Math.sqrt(acc + 1e-8);
        }
      }
    }
  }
  return { weights, bias };
}

function scoreInto(z: Float64Array, rows: Int32Array, values: Float32Array, w: Float32Array, bias: Float32Array, k: number): void {
  for (let c = 0; c < k; c++) z[c] = bias[c] as number;
  for (let j = 0; j < rows.length; j++) {
    const base = (rows[j] as number) * k;
    const x = values[j] as number;
    for (let c = 0; c < k; c++) z[c] = (z[c] as number) + x * (w[base + c] as number);
  }
}

/** Fits the softmax temperature on out-of-fold predictions (3 folds, or one 10% hold-out on large sets). */
function fitTemperature(examples: readonly IntentExample[], labels: string[], featureIds: Uint32Array,
  options: IntentTrainOptions): number {
  if (examples.length < 20 || labels.length < 2) return 1;
  const random = createRandom((options.seed ?? DEFAULTS.seed) + 1);
  const order = shuffle(examples.map((_, i) => i), random);
  const folds = examples.length >= 3000 ? [order.slice(0, Math.floor(order.length / 10))] : splitFolds(order, 3);
  const pairs: { logits: Float64Array; gold: number }[] = [];
  const labelIndex = new Map(labels.map((l, i) => [l, i]));
  for (const held of folds) {
    const heldSet = new Set(held);
    const train = examples.filter((_, i) => !heldSet.has(i));
    const trainLabels = labels;
    const model = fit(train, trainLabels, featureIds, { ...options, seed: (options.seed ?? DEFAULTS.seed) + 2 });
    const rows = new Map<number, number>();
    featureIds.forEach((id, row) => rows.set(id, row));
    for (const i of held) {
      const e = examples[i] as IntentExample;
      pairs.push({ logits: computeLogits(e.features, rows, model.weights, model.bias, labels.length), gold: labelIndex.get(e.intent) ?? 0 });
    }
  }
  return goldenSection((t) => nll(pairs, t), 0.05, 10);
}

function splitFolds(order: number[], n: number): number[][] {
  const folds: number[][] = Array.from({ length: n }, () => []);
  order.forEach((i, j) => folds[j % n]?.push(i));
  return folds;
}

function nll(pairs: { logits: Float64Array; gold: number }[], t: number): number {
  let loss = 0;
  for (const { logits, gold } of pairs) loss -= Math.log(Math.max((softmax(logits, t)[gold] as number), 1e-12));
  return loss / pairs.length;
}

function goldenSection(f: (x: number) => number, lo: number, hi: number): number {
  const phi = (Math.sqrt(5) - 1) / 2;
  let a = lo;
  let b = hi;
  for (let i = 0; i < 40; i++) {
    const c = b - phi * (b - a);
    const d = a + phi * (b - a);
    if (f(c) < f(d)) b = d;
    else a = c;
  }
  return (a + b) / 2;
}
