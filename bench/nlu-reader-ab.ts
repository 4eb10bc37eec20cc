// npx tsx bench/nlu-reader-ab.ts TRAIN.jsonl TEST.jsonl ru|en
// A/B of the message reader (chat spellings, keyboard layout, transliteration, spelling correction): one model trained
// and reloaded from its file, scored with the reader off and on, twice each in alternation so warm-up and load
// drift do not favour either side. Prints one JSON line per run.
import { createRecognizer } from '../core/nlu/create-recognizer.ts';
import { NluModel } from '../core/nlu/nlu-model.ts';
import { evaluate, loadDataset } from './nlu-eval-lib.ts';

const [trainFile, testFile, langArg] = process.argv.slice(2);
if (!trainFile || !testFile) {
  console.error('usage: npx tsx bench/nlu-reader-ab.ts TRAIN.jsonl TEST.jsonl [ru|en]');
  process.exit(2);
}
const lang = langArg === 'ru' || langArg === 'en' ? langArg : undefined;
const model = NluModel.deserialize(NluModel.train(loadDataset(trainFile, lang), { seed: 7 }).serialize());
const test = loadDataset(testFile, lang);
for (const normalize of [false, true, false, true]) {
  const s = evaluate(createRecognizer({ model, noneThreshold: 0, rejectUnknown: false, normalize }), test, lang);
  console.log(JSON.stringify({ normalize, n: s.n, intentAccuracy: s.intentAccuracy, slotF1: s.slotF1, exactMatch: s.exactMatch,
    p50Ms: s.p50Ms, cpuMsPerUtterance: s.cpuMsPerUtterance }));
}
