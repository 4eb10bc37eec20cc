// npm run nlu:eval -- --train FILE --test FILE [--lang ru|en] [--errors N]
// Trains the Sovetnik NLU engine on one JSONL file, scores it on another; the last line is the JSON result.
import { evaluate, LATENCY_SAMPLES, loadDataset, parseArgs, trainOurs, WARM_UP } from './nlu-eval-lib.ts';

const args = parseArgs(process.argv.slice(2));
if (!args.train || !args.test) {
  console.error('usage: npm run nlu:eval -- --train FILE --test FILE [--lang ru|en] [--errors N] [--seed N]');
  process.exit(2);
}
const lang = args.lang === 'ru' || args.lang === 'en' ? args.lang : undefined;
try {
  const train = loadDataset(args.train, lang);
  const test = loadDataset(args.test, lang);
  const { recognizer, trainSeconds, modelBytes } = trainOurs(train, Number(args.seed ?? 7));
  const scores = evaluate(recognizer, test, lang);
  const shown = Number(args.errors ?? 0);
  for (const e of scores.errors.slice(0, shown)) console.log(`  ${e.gold} -> ${e.got}: ${e.text}`);
  console.log(`train ${train.length} utterances, ${recognizer.model.classifier.labels.length} intents, ` +
    `${recognizer.model.tagger?.types.length ?? 0} slot types; model ${(modelBytes / 1e6).toFixed(2)} MB; latency over ` +
    `>= ${LATENCY_SAMPLES} timed runs after ${WARM_UP} warm-up runs: p50 ${scores.p50Ms} ms, p99 ${scores.p99Ms} ms, CPU ${scores.cpuMsPerUtterance} ms/utterance`);
  console.log(JSON.stringify({ n: scores.n, intentAccuracy: scores.intentAccuracy, slotF1: scores.slotF1,
    exactMatch: scores.exactMatch, msPerUtterance: scores.msPerUtterance, trainSeconds: Math.round(trainSeconds * 1000) / 1000 }));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
