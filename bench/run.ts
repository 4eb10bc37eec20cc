// `npm run bench [-- [--quick] [name-filter ...]]`: runs every registered benchmark (bench/*.bench.ts
// exporting `benchmark`), prints figures beside targets, and writes bench/results/<name>.json.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkTargets, type Benchmark } from './harness/benchmark.ts';
import { formatTargets, machineInfo, writeResultFile } from './harness/result-file.ts';

const BENCH_DIR = import.meta.dirname;

/** Every `*.bench.ts` in bench/, in name order. */
async function discover(): Promise<Benchmark[]> {
  const files = readdirSync(BENCH_DIR).filter((name) => name.endsWith('.bench.ts')).sort();
  const found: Benchmark[] = [];
  for (const file of files) {
    const module = (await import(pathToFileURL(join(BENCH_DIR, file)).href)) as { benchmark?: Benchmark };
    if (!module.benchmark) throw new Error(`${file} must export a named 'benchmark' object`);
    found.push(module.benchmark);
  }
  return found;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const filters = args.filter((arg) => !arg.startsWith('--'));
  const all = await discover();
  const selected = filters.length === 0 ? all : all.filter((b) => filters.some((f) => b.name.includes(f)));
  if (selected.length === 0) throw new Error(`no benchmark matches ${filters.join(', ')}; have ${all.map((b) => b.name).join(', ')}`);
  const machine = machineInfo();
  const summary: Record<string, boolean> = {};
  let failed = false;
  for (const bench of selected) {
    const log = (message: string): void => void process.stderr.write(`[${bench.name}] ${message}\n`);
    log(bench.description);
    try {
      const figures = await bench.run({ quick, log });
      const targets = checkTargets(bench.targets, figures);
      const met = targets.every((t) => t.met);
      const path = writeResultFile({
        name: bench.name, description: bench.description, date: new Date().toISOString(), quick, machine, figures, targets, met,
      });
      console.log(`${bench.name}: ${met ? 'all targets met' : 'TARGETS MISSED'} -> ${path}\n${formatTargets(targets)}`);
      summary[bench.name] = met;
    } catch (error) {
      failed = true;
      summary[bench.name] = false;
      console.error(`${bench.name} failed:`, error);
    }
  }
  console.log(JSON.stringify({ machine: { cores: machine.cores, node: machine.node }, met: summary }));
  if (failed) process.exitCode = 1;
}

await main();
