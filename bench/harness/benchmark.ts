/** How a figure is compared with its target. */
export type TargetOp = '>=' | '<=' | '<' | '>';

/** A target a benchmark must meet, stated next to the figure it constrains. */
export interface Target {
  /** The figure's key in the result's `figures` (dots for nested keys, e.g. `inapp.latency.p99`). */
  figure: string;
  op: TargetOp;
  value: number;
  unit?: string;
}

/** What every benchmark gets from the runner. */
export interface BenchmarkContext {
  /** True with `--quick`: shorter runs while developing; the figures are then only indicative. */
  quick: boolean;
  /** Progress lines (stderr), so stdout stays machine-readable. */
  log(message: string): void;
}

/**
 * A benchmark: export it as `benchmark` from `bench/<name>.bench.ts` and `npm run bench` finds it.
 * `run` returns the figures; the harness checks the targets and writes `bench/results/<name>.json`.
 */
export interface Benchmark {
  name: string;
  description: string;
  targets: Target[];
  run(context: BenchmarkContext): Promise<Record<string, unknown>>;
}

/** A target with the measured figure beside it. */
export interface TargetCheck extends Target {
  actual: number | null;
  met: boolean;
}

/** Reads a dotted path from the figures. */
export function figureAt(figures: Record<string, unknown>, path: string): number | null {
  let node: unknown = figures;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object') return null;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'number' && Number.isFinite(node) ? node : null;
}

const COMPARE: Record<TargetOp, (a: number, b: number) => boolean> = {
  '>=': (a, b) => a >= b,
  '<=': (a, b) => a <= b,
  '<': (a, b) => a < b,
  '>': (a, b) => a > b,
};

/** Checks every target against the figures. */
export function checkTargets(targets: readonly Target[], figures: Record<string, unknown>): TargetCheck[] {
  return targets.map((target) => {
    const actual = figureAt(figures, target.figure);
    return { ...target, actual, met: actual !== null && COMPARE[target.op](actual, target.value) };
  });
}
