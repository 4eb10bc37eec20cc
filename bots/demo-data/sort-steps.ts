/** Elements sorted natively per run, and merged, between two yields of {@link sortSteps}. */
const RUN = 4096;

/**
 * A stable sort as a generator yielding every few thousand elements (runs sorted natively, then merged pairwise),
 * so a large sort can be spread over event-loop turns. Returns a new array; the same order as a stable
 * `Array.prototype.sort` with the same comparator.
 */
export function* sortSteps<T>(values: readonly T[], compare: (a: T, b: T) => number): Generator<void, T[]> {
  let runs: T[][] = [];
  for (let start = 0; start < values.length; start += RUN) {
    runs.push(values.slice(start, start + RUN).sort(compare));
    yield;
  }
  while (runs.length > 1) {
    const merged: T[][] = [];
    for (let r = 0; r < runs.length; r += 2) {
      const right = runs[r + 1];
      merged.push(right ? yield* mergeSteps(runs[r]!, right, compare) : runs[r]!);
    }
    runs = merged;
  }
  return runs[0] ?? [];
}

/** Merges two sorted runs, the left one first on ties (stability). */
function* mergeSteps<T>(left: T[], right: T[], compare: (a: T, b: T) => number): Generator<void, T[]> {
  const out = new Array<T>(left.length + right.length);
  let i = 0; let j = 0; let k = 0;
  while (i < left.length && j < right.length) {
    out[k++] = compare(right[j]!, left[i]!) < 0 ? right[j++]! : left[i++]!;
    if (k % RUN === 0) yield;
  }
  while (i < left.length) out[k++] = left[i++]!;
  while (j < right.length) out[k++] = right[j++]!;
  return out;
}
