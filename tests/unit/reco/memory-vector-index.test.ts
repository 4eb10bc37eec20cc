import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../core/reco/random.ts';
import { MemoryVectorIndex } from '../../../core/reco/vector/memory-vector-index.ts';
import { vectorIndexContract } from '../../contract/vector-index.contract.ts';

vectorIndexContract('memory (exact scan)', { create: async (dimensions) => new MemoryVectorIndex({ dimensions }) });
// annThreshold 1 forces the inverted-file path on the contract's tiny sets, so its filter handling is proven too.
vectorIndexContract('memory (inverted-file ANN)', {
  create: async (dimensions) => new MemoryVectorIndex({ dimensions, annThreshold: 1, probes: 1 }),
});

describe('MemoryVectorIndex inverted file', () => {
  it('finds nearly all exact top-10 neighbours on clustered data', async () => {
    const random = createRandom(11);
    const d = 32;
    const centres = Array.from({ length: 40 }, () => Array.from({ length: d }, () => random.normal()));
    const rows = Array.from({ length: 6000 }, () => {
      const centre = centres[random.int(centres.length)]!;
      return centre.map((v) => v + 0.4 * random.normal());
    });
    const exact = new MemoryVectorIndex({ dimensions: d, annThreshold: Infinity });
    const ann = new MemoryVectorIndex({ dimensions: d, annThreshold: 1000 });
    const records = rows.map((values, i) => ({ id: `v${i}`, values, metadata: { kind: 'item' as const } }));
    exact.upsertSync(records);
    ann.upsertSync(records);
    let found = 0;
    for (let q = 0; q < 50; q += 1) {
      const query = rows[random.int(rows.length)]!.map((v) => v + 0.2 * random.normal());
      const truth = new Set(exact.querySync(query, { topK: 10 }).map((m) => m.id));
      found += ann.querySync(query, { topK: 10 }).filter((m) => truth.has(m.id)).length;
    }
    expect(found / 500).toBeGreaterThan(0.9);
  });
});
