import { ValidationError } from '../../errors.ts';
import type { Basket, BasketHistories } from './basket-data.ts';
import { globalTopFrequent, personalThenGlobal, personalTopFrequent } from './baselines.ts';
import { scoreRankings } from './metrics.ts';
import type { NextBasketOptions } from './model.ts';
import { NextBasketModel } from './model.ts';

/** A next-basket evaluation task: histories to learn from and the baskets to predict. */
export interface EvaluationTask {
  history: BasketHistories;
  targets: Map<string, Basket>;
}

/** Splits off each listed user's last basket as the target (users with fewer than 2 baskets are skipped). */
export function taskFromUsers(histories: BasketHistories, users: readonly string[]): EvaluationTask & { skipped: number } {
  const history: BasketHistories = new Map(histories);
  const targets = new Map<string, Basket>();
  let skipped = 0;
  for (const user of users) {
    const baskets = histories.get(user);
    if (!baskets || baskets.length < 2 || targets.has(user)) { skipped += 1; continue; }
    targets.set(user, baskets[baskets.length - 1]!);
    history.set(user, baskets.slice(0, -1));
  }
  if (targets.size === 0) throw new ValidationError('none of the listed users has two or more baskets in the basket file');
  return { history, targets, skipped };
}

/** Metrics of one method. */
export interface MethodScores {
  users: number;
  recall: number;
  ndcg: number;
}

/** The `reco:eval` result (keys as DESIGN.md prints them). */
export interface EvaluationReport {
  users: number;
  k: number;
  model: MethodScores & { msPerUser: number; fitSeconds: number };
  baselines: Record<'G-TopFreq' | 'P-TopFreq' | 'GP-TopFreq', MethodScores>;
}

/** Fits the model on the task's history, predicts every target, and scores it and the three TopFreq baselines. */
export function evaluateNextBasket(task: EvaluationTask, k: number, options: NextBasketOptions = {}): EvaluationReport {
  const fitStart = performance.now();
  const model = NextBasketModel.fit(task.history, options);
  const fitSeconds = (performance.now() - fitStart) / 1000;
  const predictions: { ranked: string[]; target: string[] }[] = [];
  const start = performance.now();
  for (const [user, basket] of task.targets) predictions.push({ ranked: model.predict(user, k), target: basket.items });
  const msPerUser = (performance.now() - start) / Math.max(1, task.targets.size);
  const globalTop = globalTopFrequent(task.history.values(), k);
  const baseline = (rank: (baskets: readonly Basket[]) => string[]): MethodScores => {
    const scores = scoreRankings([...task.targets].map(([user, basket]) => ({
      ranked: rank(task.history.get(user) ?? []), target: basket.items,
    })), k);
    return { users: scores.users, recall: scores.recall, ndcg: scores.ndcg };
  };
  const scores = scoreRankings(predictions, k);
  return {
    users: scores.users, k,
    model: { users: scores.users, recall: scores.recall, ndcg: scores.ndcg, msPerUser, fitSeconds },
    baselines: {
      'G-TopFreq': baseline(() => globalTop),
      'P-TopFreq': baseline((baskets) => personalTopFrequent(baskets, k)),
      'GP-TopFreq': baseline((baskets) => personalThenGlobal(baskets, globalTop, k)),
    },
  };
}
