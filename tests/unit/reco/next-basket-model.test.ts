import { describe, expect, it } from 'vitest';
import { evaluateNextBasket, taskFromUsers } from '../../../core/reco/next-basket/evaluation.ts';
import { NextBasketModel } from '../../../core/reco/next-basket/model.ts';
import { generateSyntheticBaskets } from '../../../core/reco/next-basket/synthetic.ts';

describe('NextBasketModel', () => {
  it.each(['repeat', 'sparse'] as const)('beats every TopFreq baseline on a %s synthetic data set', (profile) => {
    const data = generateSyntheticBaskets({ seed: 3, users: 1500, items: 1200, profile });
    const report = evaluateNextBasket(taskFromUsers(data.histories, data.devUsers), 10, { trainUsers: 800 });
    expect(report.users).toBeGreaterThan(200);
    for (const baseline of Object.values(report.baselines)) expect(report.model.recall).toBeGreaterThan(baseline.recall);
  });

  it('is deterministic and returns k distinct items, also for unknown shoppers', () => {
    const data = generateSyntheticBaskets({ seed: 5, users: 300, items: 400 });
    const a = NextBasketModel.fit(data.histories, { trainUsers: 100 });
    const b = NextBasketModel.fit(data.histories, { trainUsers: 100 });
    const user = data.devUsers[0]!;
    expect(a.predict(user, 10)).toEqual(b.predict(user, 10));
    expect(new Set(a.predict(user, 10)).size).toBe(10);
    expect(a.predict('nobody', 10)).toHaveLength(10);
    expect(a.predict([{ items: ['i1', 'i2'] }, { items: ['i1'] }], 10)).toContain('i1');
  });

  it('learns from the history only: targets removed from the file change nothing it can see', () => {
    const data = generateSyntheticBaskets({ seed: 9, users: 300, items: 400 });
    const task = taskFromUsers(data.histories, data.devUsers);
    const user = data.devUsers[0]!;
    const target = data.histories.get(user)!.at(-1)!;
    // Replacing the target basket's contents must not change the prediction made from the task's history.
    const altered = new Map(data.histories);
    altered.set(user, [...data.histories.get(user)!.slice(0, -1), { items: ['never-seen'], ts: target.ts }]);
    const altTask = taskFromUsers(altered, data.devUsers);
    const model = NextBasketModel.fit(task.history, { trainUsers: 100 });
    const altModel = NextBasketModel.fit(altTask.history, { trainUsers: 100 });
    expect(altModel.predict(user, 10)).toEqual(model.predict(user, 10));
  });
});
