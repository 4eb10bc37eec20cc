/**
 * Prints what the demo generator produces and how long it takes, as one JSON line:
 * `npx tsx bots/demo-data/demo-data-stats.ts [--seed 42] [--shoppers 300] [--months 6] [--runs 5]`.
 */
import { parseArgs } from 'node:util';
import { generateDemoData, type DemoData } from './generate-demo-data.ts';

function countBy<T>(values: readonly T[], key: (value: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[key(value)] = (counts[key(value)] ?? 0) + 1;
  return counts;
}

function main(): void {
  const { values } = parseArgs({
    options: { seed: { type: 'string', default: '42' }, shoppers: { type: 'string', default: '300' },
      months: { type: 'string', default: '6' }, runs: { type: 'string', default: '5' } },
  });
  const options = { seed: Number(values.seed), shoppers: Number(values.shoppers), months: Number(values.months) };
  const timings: number[] = [];
  let data: DemoData | undefined;
  for (let run = 0; run < Math.max(1, Number(values.runs)); run += 1) {
    const started = performance.now();
    data = generateDemoData(options);
    timings.push(performance.now() - started);
  }
  const sorted = timings.slice().sort((a, b) => a - b);
  const result = data!;
  console.log(JSON.stringify({
    ...options,
    items: result.items.length,
    itemsByService: countBy(result.items, (item) => item.service),
    unavailable: result.items.filter((item) => item.available === false).length,
    shoppers: result.shoppers.length,
    events: result.events.length,
    eventsByType: countBy(result.events, (event) => event.type),
    firstRunMs: Math.round(timings[0]!),
    medianMs: Math.round(sorted[Math.floor(sorted.length / 2)]!),
    minMs: Math.round(sorted[0]!),
  }));
}

main();
