import type { BuiltinMatch } from './builtins/builtin-entity.ts';
import { findBuiltins } from './builtins/find-builtins.ts';
import { deOverlap, gazetteerEntities, taggerEntities } from './entity-merge.ts';
import { Gazetteer } from './gazetteer.ts';
import type { GazetteerEntry } from './gazetteer.ts';
import type { IntentDefinition } from './intent-definition.ts';
import { utterancesFromDefinitions } from './intent-definition.ts';
import { featureId, intentFeatures } from './intent-features.ts';
import type { IntentOracle } from './intent-oracle.ts';
import type { LabelledUtterance } from './labelled.ts';
import { identifyLanguage } from './language-id.ts';
import type { ReadMessage } from './message-reader.ts';
import { NluModel } from './nlu-model.ts';
import type { NluTrainOptions } from './nlu-model.ts';
import { NONE_INTENT } from './recognizer.ts';
import type { Entity, IntentScore, Recognition, RecognizeOptions, Recognizer } from './recognizer.ts';
import { MAX_TEXT_LENGTH, tokenize } from './text.ts';
import type { Token } from './text.ts';

/** Options of {@link createRecognizer}: a trained model, or data to train one. */
export interface CreateRecognizerOptions {
  model?: NluModel;
  /** Intent definitions with marked-up training phrases (used when no model is given). */
  definitions?: readonly IntentDefinition[];
  /** Labelled utterances (used when no model is given), added to the definitions. */
  utterances?: readonly LabelledUtterance[];
  train?: NluTrainOptions;
  /** Catalog terms (brands, categories, products) supplied at build time, on top of the model's own. */
  gazetteer?: readonly GazetteerEntry[];
  /** The reference clock for relative dates. */
  now?: () => Date;
  /** The shoppers' UTC offset in minutes; Moscow (180) by default. */
  timeZoneOffsetMinutes?: number;
  /** Below this calibrated probability the intent is `none`. */
  noneThreshold?: number;
  /** A second opinion for low-confidence messages. */
  oracle?: IntentOracle;
  /** The oracle is asked only when the best probability is below this. */
  oracleThreshold?: number;
  oracleTimeoutMs?: number;
  /** Answer `none` when no word of the message was seen in training (default true; off for benchmarks). */
  rejectUnknown?: boolean;
  /** Read messages through the spelling/layout/chat-spelling normalizer (default true; off to measure without it). */
  normalize?: boolean;
  /** How many ranked intents to return. */
  maxIntents?: number;
}

/** The recognizer plus a synchronous path for benchmarks and the model it runs. */
export interface NluRecognizer extends Recognizer {
  readonly model: NluModel;
  recognizeSync(text: string, options?: RecognizeOptions): Recognition;
}

/** Builds the recognizer: language id, intent with calibrated confidence, tagger + built-in + gazetteer entities. */
export function createRecognizer(options: CreateRecognizerOptions): NluRecognizer {
  const model = options.model ?? NluModel.train([
    ...utterancesFromDefinitions(options.definitions ?? []), ...(options.utterances ?? []),
  ], { ...options.train, gazetteer: [...(options.train?.gazetteer ?? []), ...(options.gazetteer ?? [])] });
  const gazetteer = options.gazetteer && !options.train && options.model
    ? new Gazetteer([...model.gazetteerEntries, ...options.gazetteer], { commonWords: model.commonWords }) : model.gazetteer;
  const reader = model.reader(options.gazetteer && !options.train && options.model ? options.gazetteer : []);
  const now = options.now ?? (() => new Date());
  const offset = options.timeZoneOffsetMinutes ?? 180;
  const noneThreshold = options.noneThreshold ?? 0.35;
  const maxIntents = options.maxIntents ?? 5;

  const recognizeSync = (input: string, hints: RecognizeOptions = {}): Recognition => {
    const text = typeof input === 'string' ? input : '';
    try {
      return analyse(text, hints);
    } catch {
      // The engine must never fail a turn; a message it cannot analyse is simply not understood.
      return { text, language: 'other', intent: { name: NONE_INTENT, confidence: 0 }, intents: [], entities: [] };
    }
  };

  const analyse = (text: string, hints: RecognizeOptions): Recognition => {
    // The read text has the original's length (only a keyboard-layout switch changes it), so offsets stay valid.
    const read = options.normalize === false ? plainRead(text) : reader.read(text);
    const tokens = read.raw;
    const source = read.text;
    const language = read.transliterated ? 'ru' : identifyLanguage(source.slice(0, MAX_TEXT_LENGTH));
    const ranked = rankIntents(model, read.tokens, hints.expectedIntents, options.rejectUnknown ?? true).slice(0, maxIntents);
    const best = ranked[0];
    const intent: IntentScore = best && best.confidence >= noneThreshold ? best
      : { name: NONE_INTENT, confidence: Math.min(best?.confidence ?? 0, noneThreshold) };
    const intents = intent.name === NONE_INTENT ? [intent, ...ranked].slice(0, maxIntents) : ranked;
    const builtins = findBuiltins(source, tokens, { now: now(), timeZoneOffsetMinutes: offset });
    const gazetteerHits = gazetteerEntities(source, tokens, gazetteer.find(tokens));
    const spanHints = [...builtins.map((b) => ({ type: b.type, start: b.start, end: b.end })),
      ...gazetteerHits.map((g) => ({ type: `gaz:${g.type}`, start: g.start, end: g.end }))];
    const tagged = taggerEntities(source, tokens, model.tag(source, tokens, spanHints, best?.name), builtins, gazetteerHits);
    const entities = deOverlap([...tagged, ...builtins.map(stripTokens), ...gazetteerHits]);
    return { text, language, intent, intents, entities };
  };

  return {
    model,
    recognizeSync,
    async recognize(text, hints = {}) {
      const result = recognizeSync(text, hints);
      if (!options.oracle || hints.signal?.aborted) return result;
      const top = result.intents.find((i) => i.name !== NONE_INTENT)?.confidence ?? 0;
      if (top >= (options.oracleThreshold ?? 0.6) || result.language === 'other' || !text?.trim()) return result;
      return askOracle(options.oracle, result, model.classifier.labels, options.oracleTimeoutMs ?? 1500, hints.signal);
    },
  };
}

function plainRead(text: string): ReadMessage {
  const tokens = tokenize(text);
  return { text, tokens, raw: tokens, transliterated: false };
}

function rankIntents(model: NluModel, tokens: readonly Token[], expected: readonly string[] | undefined,
  rejectUnknown: boolean): IntentScore[] {
  const words = tokens.filter((t) => t.kind === 'word');
  if (words.length === 0 && rejectUnknown) return [];
  const known = words.filter((t) => model.classifier.has(featureId(`w:${t.norm}`)) || model.classifier.has(featureId(`s:${t.stem}`)));
  // Nothing the model has ever seen: gibberish, another language, or a paste; never guess an intent for it.
  if (known.length === 0 && rejectUnknown) return [];
  let ranked = model.classifier.predict(intentFeatures(tokens, model.features));
  if (expected && expected.length > 0) {
    // Expected intents win near-ties only: a mild prior, renormalized.
    const boosted = ranked.map((r) => ({ name: r.name, confidence: r.confidence * (expected.includes(r.name) ? 1.5 : 1) }));
    const sum = boosted.reduce((s, r) => s + r.confidence, 0);
    ranked = boosted.map((r) => ({ name: r.name, confidence: r.confidence / sum })).sort((a, b) => b.confidence - a.confidence);
  }
  return ranked;
}

function stripTokens(m: BuiltinMatch): Entity {
  const { from: _from, to: _to, ...entity } = m;
  return entity;
}

async function askOracle(oracle: IntentOracle, result: Recognition, labels: readonly string[], timeoutMs: number,
  signal: AbortSignal | undefined): Promise<Recognition> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const timeout = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), timeoutMs);
    });
    const request = { text: result.text, language: result.language, intents: labels,
      candidates: result.intents, ...(signal ? { signal } : {}) };
    const answer = await Promise.race([oracle.classify(request), timeout]);
    if (!answer || (answer.intent !== NONE_INTENT && !labels.includes(answer.intent))) return result;
    const confidence = Math.min(Math.max(answer.confidence, 0), 1);
    const intent = { name: answer.intent, confidence };
    return { ...result, intent, intents: [intent, ...result.intents.filter((i) => i.name !== answer.intent)] };
  } catch {
    return result;
  } finally {
    if (timer) clearTimeout(timer);
  }
}
