/** A fitted logistic model over standardized features. */
export interface LogisticModel {
  mean: Float64Array;
  scale: Float64Array;
  weights: Float64Array;
  bias: number;
}

/** Solves A x = b (A symmetric positive definite, n x n row-major) by Cholesky. */
function solve(a: Float64Array, b: Float64Array, n: number): Float64Array {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i += 1) {
    for (let j = 0; j <= i; j += 1) {
      let sum = a[i * n + j]!;
      for (let k = 0; k < j; k += 1) sum -= l[i * n + k]! * l[j * n + k]!;
      l[i * n + j] = i === j ? Math.sqrt(Math.max(sum, 1e-12)) : sum / l[j * n + j]!;
    }
  }
  const y = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    let sum = b[i]!;
    for (let k = 0; k < i; k += 1) sum -= l[i * n + k]! * y[k]!;
    y[i] = sum / l[i * n + i]!;
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i -= 1) {
    let sum = y[i]!;
    for (let k = i + 1; k < n; k += 1) sum -= l[k * n + i]! * x[k]!;
    x[i] = sum / l[i * n + i]!;
  }
  return x;
}

/**
 * Fits an L2-regularized logistic regression by Newton's method (IRLS). `rows` is row-major with `width`
 * columns; `labels` are 0/1; `sampleWeights` re-weight subsampled negatives.
 */
export function fitLogistic(rows: Float64Array, labels: Uint8Array, width: number,
  options: { l2?: number; iterations?: number; sampleWeights?: Float64Array } = {}): LogisticModel {
  const count = labels.length;
  const mean = new Float64Array(width);
  const scale = new Float64Array(width);
  for (let r = 0; r < count; r += 1) for (let c = 0; c < width; c += 1) mean[c]! += rows[r * width + c]! / count;
  for (let r = 0; r < count; r += 1) for (let c = 0; c < width; c += 1) scale[c]! += (rows[r * width + c]! - mean[c]!) ** 2 / count;
  for (let c = 0; c < width; c += 1) scale[c] = Math.sqrt(scale[c]!) || 1;
  const dim = width + 1; // last column: the bias
  const beta = new Float64Array(dim);
  const x = new Float64Array(dim);
  const l2 = options.l2 ?? 1;
  for (let iteration = 0; iteration < (options.iterations ?? 12); iteration += 1) {
    const hessian = new Float64Array(dim * dim);
    const gradient = new Float64Array(dim);
    for (let r = 0; r < count; r += 1) {
      for (let c = 0; c < width; c += 1) x[c] = (rows[r * width + c]! - mean[c]!) / scale[c]!;
      x[width] = 1;
      let z = 0;
      for (let c = 0; c < dim; c += 1) z += beta[c]! * x[c]!;
      const p = 1 / (1 + Math.exp(-z));
      const w = options.sampleWeights ? options.sampleWeights[r]! : 1;
      const g = w * (labels[r]! - p);
      const h = w * Math.max(p * (1 - p), 1e-9);
      for (let i = 0; i < dim; i += 1) {
        gradient[i]! += g * x[i]!;
        const hx = h * x[i]!;
        for (let j = 0; j <= i; j += 1) hessian[i * dim + j]! += hx * x[j]!;
      }
    }
    for (let i = 0; i < dim; i += 1) {
      for (let j = 0; j < i; j += 1) hessian[j * dim + i] = hessian[i * dim + j]!;
      if (i < width) { hessian[i * dim + i]! += l2; gradient[i]! -= l2 * beta[i]!; }
    }
    const step = solve(hessian, gradient, dim);
    let change = 0;
    for (let i = 0; i < dim; i += 1) { beta[i]! += step[i]!; change = Math.max(change, Math.abs(step[i]!)); }
    if (change < 1e-6) break;
  }
  return { mean, scale, weights: beta.slice(0, width), bias: beta[width]! };
}

/** The model's log-odds for each row. */
export function scoreLogistic(model: LogisticModel, rows: Float64Array, width: number): Float64Array {
  const count = rows.length / width;
  const out = new Float64Array(count);
  for (let r = 0; r < count; r += 1) {
    let z = model.bias;
    for (let c = 0; c < width; c += 1) z += model.weights[c]! * (rows[r * width + c]! - model.mean[c]!) / model.scale[c]!;
    out[r] = z;
  }
  return out;
}
