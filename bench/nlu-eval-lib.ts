import { readFileSync } from 'node:fs';
import { createRecognizer } from '../core/nlu/create-recognizer.ts';
import type { NluRecognizer } from '../core/nlu/create-recognizer.ts';
import { parseDataset } from '../core/nlu/dataset.ts';
import type { LabelledUtterance } from '../core/nlu/labelled.ts';
import { NluModel } from '../core/nlu/nlu-model.ts';

/** The figures `npm run nlu:eval` prints. */
export interface NluScores {
  n: number;
  intentAccuracy: number;
  slotF1: number;
  exactMatch: number;
  msPerUtterance: number;
  trainSeconds: number;
}

/** Reads a JSONL data set, keeping only lines of a language when they say which. */
export function loadDataset(file: string, lang?: string): LabelledUtterance[] {
  const rows = parseDataset(readFileSync(file, 'utf8'));
  if (!lang) return rows;
  return rows.filter((r) => !r.locale || r.locale.toLowerCase().startsWith(lang));
}

/** Trains our engine on `train` and returns it with the training time. */
export function trainOurs(train: readonly LabelledUtterance[], seed = 7): { recognizer: NluRecognizer; trainSeconds: number; modelBytes: number } {
  const started = performance.now();
  const model = NluModel.train(train, { seed });
  const trainSeconds = (performance.now() - started) / 1000;
  const bytes = model.serialize();
  // Score the model as it ships: reloaded from its file (16-bit weights), not the in-memory training result.
  const shipped = NluModel.deserialize(bytes);
  return { recognizer: createRecognizer({ model: shipped, noneThreshold: 0, rejectUnknown: false }), trainSeconds, modelBytes: bytes.length };
}

/** Recognitions run before timing starts, cycling through the test texts (JIT warm-up, caches filled). */
export const WARM_UP = 1000;

const spanKey = (type: string, start: number, end: number): string => `${type}\u0000${start}\u0000${end}`;

/** Scores a recognizer on a test set: intent accuracy, span-level micro F1, exact match, latency. */
export function evaluate(recognizer: NluRecognizer, test: readonly LabelledUtterance[], lang?: 'ru' | 'en'):
  Omit<NluScores, 'trainSeconds'> & { p50Ms: number; p99Ms: number; cpuMsPerUtterance: number;
    errors: { text: string; gold: string; got: string }[] } {
  const slotTypes = new Set(recognizer.model.tagger?.types ?? []);
  for (let i = 0; i < WARM_UP && test.length > 0; i++) recognizer.recognizeSync((test[i % test.length] as LabelledUtterance).text);
  const cpuStart = process.cpuUsage();
  let correct = 0;
  let exact = 0;
  let tp = 0;
  let predicted = 0;
  let gold = 0;
  const times: number[] = [];
  const errors: { text: string; gold: string; got: string }[] = [];
  for (const u of test) {
    const t0 = performance.now();
    const r = recognizer.recognizeSync(u.text, lang ? { locale: lang } : {});
    times.push(performance.now() - t0);
    const intentOk = r.intent.name === u.intent;
    if (intentOk) correct++;
    else errors.push({ text: u.text, gold: u.intent, got: r.intent.name });
    const goldKeys = new Set(u.slots.map((s) => trimmed(u.text, s)).map((s) => spanKey(s.type, s.start, s.end)));
    const predKeys = new Set(r.entities.filter((e) => e.source === 'tagger' && slotTypes.has(e.type))
      .map((e) => spanKey(e.type, e.start, e.end)));
    let hits = 0;
    for (const k of predKeys) if (goldKeys.has(k)) hits++;
    tp += hits;
    predicted += predKeys.size;
    gold += goldKeys.size;
    if (intentOk && hits === goldKeys.size && hits === predKeys.size) exact++;
  }
  const cpu = process.cpuUsage(cpuStart);
  const precision = predicted ? tp / predicted : gold ? 0 : 1;
  const recall = gold ? tp / gold : 1;
  const sorted = [...times].sort((a, b) => a - b);
  const n = test.length;
  return {
    n,
    intentAccuracy: round(correct / n),
    slotF1: round(precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0),
    exactMatch: round(exact / n),
    msPerUtterance: round(times.reduce((a, b) => a + b, 0) / n),
    p50Ms: round(sorted[Math.floor(n / 2)] ?? 0),
    p99Ms: round(sorted[Math.min(n - 1, Math.floor(n * 0.99))] ?? 0),
    // Process CPU time (user + system) per message: what one core spends, whatever else loads the machine.
    cpuMsPerUtterance: round((cpu.user + cpu.system) / 1000 / n),
    errors,
  };
}

function trimmed(text: string, s: { type: string; start: number; end: number }): { type: string; start: number; end: number } {
  let { start, end } = s;
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  while (end > start && /[\s.,!?;:]/.test(text[end - 1] ?? '')) end--;
  return { type: s.type, start, end };
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}

/** Reads `--name value` pairs from the command line. */
export function parseArgs(argv: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a.startsWith('--')) {
      const next = argv[i + 1];
      if (next !== undefined && !next.startsWith('--')) {
        out[a.slice(2)] = next;
        i++;
      } else out[a.slice(2)] = 'true';
    }
  }
  return out;
}
