import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, platform, release, totalmem } from 'node:os';
import { join } from 'node:path';
import type { TargetCheck } from './benchmark.ts';

/** The machine a result was measured on; figures mean little without it. */
export interface MachineInfo {
  cores: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  platform: string;
}

/** What `bench/results/<name>.json` holds. */
export interface BenchmarkResultFile {
  name: string;
  description: string;
  date: string;
  quick: boolean;
  machine: MachineInfo;
  figures: Record<string, unknown>;
  targets: TargetCheck[];
  /** Every target met. */
  met: boolean;
}

/** Describes this machine. */
export function machineInfo(): MachineInfo {
  return {
    cores: availableParallelism(),
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${platform()} ${release()}`,
  };
}

/** The folder results are written to. */
export const RESULTS_DIR = join(import.meta.dirname, '..', 'results');

/** Writes one result as pretty JSON and returns its path. */
export function writeResultFile(result: BenchmarkResultFile, dir: string = RESULTS_DIR): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${result.name}.json`);
  writeFileSync(path, `${JSON.stringify(result, null, 2)}\n`);
  return path;
}

/** A side-by-side table of targets and figures for the terminal. */
export function formatTargets(checks: readonly TargetCheck[]): string {
  return checks
    .map((check) => {
      const actual = check.actual === null ? 'missing' : String(Math.round(check.actual * 1000) / 1000);
      const unit = check.unit ? ` ${check.unit}` : '';
      return `  ${check.met ? 'MET ' : 'MISS'}  ${check.figure}: ${actual}${unit}  (target ${check.op} ${check.value}${unit})`;
    })
    .join('\n');
}
