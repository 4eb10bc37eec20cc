// Next-basket evaluation (DESIGN.md):
//   npm run reco:eval -- --baskets FILE (--users FILE | --heldout FILE) [--k 10]
// The last stdout line is {"users","recall@K","ndcg@K","msPerUser","baselines":{...}}.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseBaskets, parseHeldout, parseUserList } from '../core/reco/next-basket/basket-formats.ts';
import type { EvaluationTask } from '../core/reco/next-basket/evaluation.ts';
import { evaluateNextBasket, taskFromUsers } from '../core/reco/next-basket/evaluation.ts';

function fail(message: string): never {
  console.error(`reco:eval: ${message}`);
  console.error('usage: npm run reco:eval -- --baskets FILE (--users FILE | --heldout FILE) [--k 10] [--train-users N]');
  process.exit(2);
}

function main(): void {
  let values;
  try {
    ({ values } = parseArgs({ options: {
      baskets: { type: 'string' }, users: { type: 'string' }, heldout: { type: 'string' },
      k: { type: 'string', default: '10' }, 'train-users': { type: 'string' }, seed: { type: 'string' },
      ranker: { type: 'string' }, trees: { type: 'string' },
    } }));
  } catch (error) { fail((error as Error).message); }
  if (!values.baskets) fail('--baskets FILE is required');
  if (Boolean(values.users) === Boolean(values.heldout)) fail('give exactly one of --users FILE or --heldout FILE');
  const k = Number(values.k);
  if (!Number.isInteger(k) || k <= 0) fail('--k must be a positive integer');
  try {
    const histories = parseBaskets(readFileSync(values.baskets, 'utf8'));
    let task: EvaluationTask;
    if (values.users) {
      const split = taskFromUsers(histories, parseUserList(readFileSync(values.users, 'utf8')));
      if (split.skipped) console.error(`reco:eval: skipped ${split.skipped} listed users without 2+ baskets`);
      task = split;
    } else {
      task = { history: histories, targets: parseHeldout(readFileSync(values.heldout!, 'utf8')) };
    }
    console.error(`reco:eval: ${task.history.size} shoppers of history, ${task.targets.size} targets`);
    const report = evaluateNextBasket(task, k, {
      trainUsers: values['train-users'] ? Number(values['train-users']) : undefined,
      seed: values.seed ? Number(values.seed) : undefined,
      ranker: values.ranker === 'logistic' ? 'logistic' : 'trees',
      trees: values.trees ? Number(values.trees) : undefined,
    });
    const metrics = (m: { users: number; recall: number; ndcg: number }) =>
      ({ users: m.users, [`recall@${k}`]: round(m.recall), [`ndcg@${k}`]: round(m.ndcg) });
    console.log(JSON.stringify({
      users: report.users, [`recall@${k}`]: round(report.model.recall), [`ndcg@${k}`]: round(report.model.ndcg),
      msPerUser: round(report.model.msPerUser), fitSeconds: round(report.model.fitSeconds),
      baselines: Object.fromEntries(Object.entries(report.baselines).map(([name, m]) => [name, metrics(m)])),
    }));
  } catch (error) {
    fail((error as Error).message);
  }
}

function round(value: number): number {
  return Math.round(value * 10000) / 10000;
}

main();
