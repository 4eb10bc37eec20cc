import { describe, expect, it, vi } from 'vitest';
import { createRandom } from '../../../core/reco/random.ts';
import { MemoryVectorIndex } from '../../../core/reco/vector/memory-vector-index.ts';
import { vectorIndexContract } from '../../contract/vector-index.contract.ts';

vectorIndexContract('memory (exact scan)', { create: async (dimensions) => new MemoryVectorIndex({ dimensions }) });
// annThreshold 1 forces the inverted-file path on the contract's tiny sets, so its filter handling is proven too.
// Queries never train by themselves: `train()` is awaited before each one (a no-op unless the index is untrained
// or has doubled since), so every query runs on the inverted file.
vectorIndexContract('memory (inverted-file ANN)', {
  create: async (dimensions) => trainedBeforeQuery(new MemoryVectorIndex({ dimensions, annThreshold: 1, probes: 1 })),
});

/** The index with `train()` awaited before each query. */
function trainedBeforeQuery(index: MemoryVectorIndex): MemoryVectorIndex {
  const query = index.query.bind(index);
  index.query = async (vector, options) => {
    await index.train();
    if (!index.annReady && (await index.count()) > 0) throw new Error('expected the inverted file in use');
    return query(vector, options);
  };
  return index;
}

/** Clustered rows (40 centres in `d` dimensions, 0.4 noise) and a query near one of them. */
function clusteredData(seed: number, count: number, d = 32) {
  const random = createRandom(seed);
  const centres = Array.from({ length: 40 }, () => Array.from({ length: d }, () => random.normal()));
  const rows = Array.from({ length: count }, () => {
    const centre = centres[random.int(centres.length)]!;
    return centre.map((v) => v + 0.4 * random.normal());
  });
  const records = rows.map((values, i) => ({ id: `v${i}`, values, metadata: { kind: 'item' as const } }));
  const nearRow = () => rows[random.int(rows.length)]!.map((v) => v + 0.2 * random.normal());
  return { records, nearRow };
}

/** How many of the exact top-10 the index finds over `queries`, as a share. */
function recall(index: MemoryVectorIndex, exact: MemoryVectorIndex, queries: number[][]): number {
  let found = 0;
  for (const query of queries) {
    const truth = new Set(exact.querySync(query, { topK: 10 }).map((m) => m.id));
    found += index.querySync(query, { topK: 10 }).filter((m) => truth.has(m.id)).length;
  }
  return found / (queries.length * 10);
}

describe('MemoryVectorIndex inverted file', () => {
  it('finds nearly all exact top-10 neighbours on clustered data once trained', async () => {
    const { records, nearRow } = clusteredData(11, 6000);
    const exact = new MemoryVectorIndex({ dimensions: 32, annThreshold: Infinity });
    const ann = new MemoryVectorIndex({ dimensions: 32, annThreshold: 1000, autoTrain: false });
    exact.upsertSync(records);
    ann.upsertSync(records);
    await ann.train();
    expect(ann.annReady).toBe(true);
    expect(recall(ann, exact, Array.from({ length: 50 }, nearRow))).toBeGreaterThan(0.9);
  });

  it('answers queries on an untrained large index with the exact scan and does not train', async () => {
    const { records, nearRow } = clusteredData(12, 3000);
    const exact = new MemoryVectorIndex({ dimensions: 32, annThreshold: Infinity });
    const index = new MemoryVectorIndex({ dimensions: 32, annThreshold: 1000 });
    exact.upsertSync(records);
    index.upsertSync(records);
    for (let q = 0; q < 20; q += 1) {
      const query = nearRow();
      expect(await index.query(query, { topK: 10 })).toEqual(exact.querySync(query, { topK: 10 }));
    }
    expect(index.annReady).toBe(false);
    expect(index.trainingInProgress).toBe(false);
    expect(index.trainings).toBe(0);
    await index.close();
  });

  it('keeps serving (exactly) while training runs in slices, then switches to the inverted file', async () => {
    const { records, nearRow } = clusteredData(13, 3000);
    const exact = new MemoryVectorIndex({ dimensions: 32, annThreshold: Infinity });
    const index = new MemoryVectorIndex({ dimensions: 32, annThreshold: 1000, autoTrain: false, trainingSliceMs: 0 });
    exact.upsertSync(records);
    index.upsertSync(records);
    const training = index.train();
    expect(index.trainingInProgress).toBe(true);
    let servedDuringTraining = 0;
    while (index.trainingInProgress) {
      const query = nearRow();
      expect(index.querySync(query, { topK: 10 })).toEqual(exact.querySync(query, { topK: 10 }));
      servedDuringTraining += 1;
      await new Promise((resolve) => setImmediate(resolve));
    }
    await training;
    expect(servedDuringTraining).toBeGreaterThan(1);
    expect(index.annReady).toBe(true);
    expect(index.trainings).toBe(1);
    expect(recall(index, exact, Array.from({ length: 50 }, nearRow))).toBeGreaterThan(0.9);
  });

  it('trains the same codebook as a one-shot training: same seed, same results', async () => {
    const { records, nearRow } = clusteredData(14, 2500);
    const sliced = new MemoryVectorIndex({ dimensions: 32, annThreshold: 1000, autoTrain: false, trainingSliceMs: 0 });
    const oneShot = new MemoryVectorIndex({ dimensions: 32, annThreshold: 1000, autoTrain: false, trainingSliceMs: 1e9 });
    sliced.upsertSync(records);
    oneShot.upsertSync(records);
    await Promise.all([sliced.train(), oneShot.train()]);
    for (let q = 0; q < 30; q += 1) {
      const query = nearRow();
      expect(sliced.querySync(query, { topK: 10 })).toEqual(oneShot.querySync(query, { topK: 10 }));
    }
  });

  it('does not lose records upserted or moved while training runs', async () => {
    const { records } = clusteredData(15, 3000);
    const index = new MemoryVectorIndex({ dimensions: 32, annThreshold: 1000, autoTrain: false, trainingSliceMs: 0 });
    index.upsertSync(records);
    const training = index.train();
    const added: { id: string; values: number[] }[] = [];
    const moved = records.slice(0, 50).map((record, i) => ({ ...record, values: records[2000 + i]!.values.map((v) => -v) }));
    for (let turn = 0; index.trainingInProgress; turn += 1) {
      if (turn < 50) {
        const values = records[turn]!.values.map((v, i) => (i === turn % 32 ? v + 5 : v));
        added.push({ id: `new${turn}`, values });
        index.upsertSync([{ id: `new${turn}`, values, metadata: { kind: 'item' } }]);
        index.upsertSync([moved[turn]!]);
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    await training;
    expect(added.length).toBe(50); // the training outlasted the upserts
    expect(index.annReady).toBe(true);
    for (const { id, values } of [...added, ...moved]) {
      expect(index.querySync(values, { topK: 1 })[0]?.id).toBe(id);
    }
    expect(await index.count()).toBe(3050);
  });

  it('schedules a retraining when the index doubles, never inside a query', async () => {
    const { records } = clusteredData(16, 2500);
    const index = new MemoryVectorIndex({ dimensions: 32, annThreshold: 1000, autoTrain: false });
    index.upsertSync(records.slice(0, 1000));
    await index.train();
    expect(index.trainings).toBe(1);
    index.upsertSync(records.slice(1000));
    index.querySync(records[0]!.values, { topK: 5 });
    expect(index.trainings).toBe(1);
    // The previous file keeps serving, with the new records assigned to it.
    expect(index.annReady).toBe(true);
    expect(index.querySync(records[2400]!.values, { topK: 1 })[0]?.id).toBe('v2400');
    await index.train();
    expect(index.trainings).toBe(2);
  });

  it('trains by itself after a bulk upsert when autoTrain is on', async () => {
    const { records } = clusteredData(17, 1200);
    const index = new MemoryVectorIndex({ dimensions: 32, annThreshold: 1000, trainingDelayMs: 0 });
    index.upsertSync(records);
    expect(index.annReady).toBe(false);
    await vi.waitFor(() => expect(index.annReady).toBe(true));
    expect(index.trainings).toBe(1);
    await index.close();
  });
});
