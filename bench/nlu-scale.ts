// npx tsx bench/nlu-scale.ts [--n 15000]
// Training-time and model-size check at data-set scale: the shopping phrases are grown to N utterances with seeded
// noise (dropped words, swapped letters), then trained on; prints seconds and bytes against the targets.
import { createRandom } from '../core/nlu/hashing.ts';
import { utterancesFromDefinitions } from '../core/nlu/intent-definition.ts';
import type { LabelledUtterance } from '../core/nlu/labelled.ts';
import { NluModel } from '../core/nlu/nlu-model.ts';
import { SHOPPING_ASSISTANT_INTENTS } from '../dialogs/shopping-assistant/intents/index.ts';
import { parseArgs } from './nlu-eval-lib.ts';

const n = Number(parseArgs(process.argv.slice(2)).n ?? 15000);
const base = utterancesFromDefinitions(SHOPPING_ASSISTANT_INTENTS, { perTemplate: 64 });
const random = createRandom(42);
const rows: LabelledUtterance[] = [];
while (rows.length < n) {
  const u = base[Math.floor(random() * base.length)] as LabelledUtterance;
  // Letter swaps keep offsets valid, so the slots still point at the same characters.
  const chars = [...u.text];
  for (let i = 0; i < chars.length - 1; i++) {
    if (random() < 0.03 && /\p{L}/u.test(chars[i] as string) && /\p{L}/u.test(chars[i + 1] as string) && chars[i]!.length === 1 && chars[i + 1]!.length === 1) {
      [chars[i], chars[i + 1]] = [chars[i + 1] as string, chars[i] as string];
    }
  }
  rows.push({ ...u, text: chars.join('') });
}
const started = performance.now();
const model = NluModel.train(rows);
const trainSeconds = (performance.now() - started) / 1000;
const bytes = model.serialize().length;
console.log(`trained ${rows.length} utterances in ${trainSeconds.toFixed(1)} s (target < 60 s); model ${(bytes / 1e6).toFixed(2)} MB (target < 20 MB)`);
console.log(JSON.stringify({ n: rows.length, trainSeconds: Math.round(trainSeconds * 100) / 100, modelBytes: bytes }));
