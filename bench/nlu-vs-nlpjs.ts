// npx tsx bench/nlu-vs-nlpjs.ts --train FILE --test FILE --lang ru|en
// Trains nlp.js (node-nlp NlpManager) and the Sovetnik engine on the same JSONL files in one run and prints both:
// intent accuracy, ms per utterance and training seconds. The last line is the JSON comparison.
import { NlpManager } from 'node-nlp';
import type { LabelledUtterance } from '../core/nlu/labelled.ts';
import { evaluate, loadDataset, parseArgs, trainOurs } from './nlu-eval-lib.ts';

interface NlpJsManager {
  addDocument(locale: string, text: string, intent: string): void;
  train(): Promise<void>;
  process(locale: string, text: string): Promise<{ intent: string; score: number }>;
}

async function runNlpJs(train: readonly LabelledUtterance[], test: readonly LabelledUtterance[], lang: string) {
  const manager = new (NlpManager as unknown as new (o: object) => NlpJsManager)({
    languages: [lang], forceNER: false, autoSave: false, autoLoad: false, nlu: { log: false, useNoneFeature: true },
  });
  for (const u of train) manager.addDocument(lang, u.text, u.intent);
  const started = performance.now();
  await manager.train();
  const trainSeconds = (performance.now() - started) / 1000;
  let correct = 0;
  const t0 = performance.now();
  for (const u of test) {
    const r = await manager.process(lang, u.text);
    // nlp.js answers "None" below its own threshold; our `none` intent is the same idea.
    const intent = r.intent === 'None' ? 'none' : r.intent;
    if (intent === u.intent) correct++;
  }
  const msPerUtterance = (performance.now() - t0) / test.length;
  return { intentAccuracy: round(correct / test.length), msPerUtterance: round(msPerUtterance), trainSeconds: round(trainSeconds) };
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}

const args = parseArgs(process.argv.slice(2));
if (!args.train || !args.test || (args.lang !== 'ru' && args.lang !== 'en')) {
  console.error('usage: npx tsx bench/nlu-vs-nlpjs.ts --train FILE --test FILE --lang ru|en');
  process.exit(2);
}
const lang = args.lang;
const train = loadDataset(args.train, lang);
const test = loadDataset(args.test, lang);
const nlpjs = await runNlpJs(train, test, lang);
const ours = trainOurs(train);
const scored = evaluate(ours.recognizer, test, lang);
const sovetnik = { intentAccuracy: scored.intentAccuracy, slotF1: scored.slotF1, msPerUtterance: scored.msPerUtterance,
  p99Ms: scored.p99Ms, trainSeconds: round(ours.trainSeconds) };
console.log(`n=${test.length} (train ${train.length}), lang=${lang}`);
console.log(`nlp.js    intent ${nlpjs.intentAccuracy}  ${nlpjs.msPerUtterance} ms/utt  train ${nlpjs.trainSeconds} s`);
console.log(`sovetnik  intent ${sovetnik.intentAccuracy}  ${sovetnik.msPerUtterance} ms/utt  train ${sovetnik.trainSeconds} s  slotF1 ${sovetnik.slotF1}`);
console.log(JSON.stringify({ n: test.length, lang, nlpjs, sovetnik,
  accuracyDelta: round(sovetnik.intentAccuracy - nlpjs.intentAccuracy) }));
