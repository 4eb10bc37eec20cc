import { readFileSync } from 'node:fs';
import { createRecognizer } from '../core/nlu/create-recognizer.ts';
import type { NluRecognizer } from '../core/nlu/create-recognizer.ts';
import { parseDataset } from '../core/nlu/dataset.ts';
import type { LabelledUtterance } from '../core/nlu/labelled.ts';
import { NluModel } from '../core/nlu/nlu-model.ts';
import type { RecognizeOptions } from '../core/nlu/recognizer.ts';

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
  const options = lang ? { locale: lang } : {};
  let correct = 0;
  let exact = 0;
  let tp = 0;
  let predicted = 0;
  let gold = 0;
  const errors: { text: string; gold: string; got: string }[] = [];
  for (const u of test) {
    const r = recognizer.recognizeSync(u.text, options);
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
  const latency = measureLatency(recognizer, test.map((u) => u.text), options);
  const precision = predicted ? tp / predicted : gold ? 0 : 1;
  const recall = gold ? tp / gold : 1;
  const n = test.length;
  return {
    n,
    intentAccuracy: round(correct / n),
    slotF1: round(precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0),
    exactMatch: round(exact / n),
    ...latency,
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

/** Timed samples at least: the test messages are replayed until there are this many (a stable p99). */
export const LATENCY_SAMPLES = 3000;

// Latency on its own passes (after WARM_UP untimed runs), apart from the scoring loop and its garbage: only
// recognizeSync runs between the clock reads.
function measureLatency(recognizer: NluRecognizer, texts: readonly string[], options: RecognizeOptions):
  { msPerUtterance: number; p50Ms: number; p99Ms: number; cpuMsPerUtterance: number } {
  if (texts.length === 0) return { msPerUtterance: 0, p50Ms: 0, p99Ms: 0, cpuMsPerUtterance: 0 };
  for (let i = 0; i < WARM_UP; i++) recognizer.recognizeSync(texts[i % texts.length] as string, options);
  const passes = Math.ceil(LATENCY_SAMPLES / texts.length);
  const times = new Float64Array(passes * texts.length);
  const cpuStart = process.cpuUsage();
  let k = 0;
  for (let pass = 0; pass < passes; pass++) {
    for (const text of texts) {
      const t0 = performance.now();
      recognizer.recognizeSync(text, options);
      times[k++] = performance.now() - t0;
    }
  }
  const cpu = process.cpuUsage(cpuStart);
  const sorted = times.slice().sort();
  return {
    msPerUtterance: round(times.reduce((a, b) => a + b, 0) / times.length),
    p50Ms: round(sorted[Math.floor(times.length / 2)] ?? 0),
    p99Ms: round(sorted[Math.floor(times.length * 0.99)] ?? 0),
    // Process CPU time (user + system) per message: what one core spends, whatever else loads the machine.
    cpuMsPerUtterance: round((cpu.user + cpu.system) / 1000 / times.length),
  };
}
