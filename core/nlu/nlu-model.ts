import { SovetnikError } from '../errors.ts';
import { findBuiltins } from './builtins/find-builtins.ts';
import { Gazetteer } from './gazetteer.ts';
import type { GazetteerEntry } from './gazetteer.ts';
import { IntentClassifier } from './intent-classifier.ts';
import type { IntentTrainOptions } from './intent-classifier.ts';
import { DEFAULT_INTENT_FEATURES, intentFeatures } from './intent-features.ts';
import type { IntentFeatureConfig } from './intent-features.ts';
import type { LabelledSpan, LabelledUtterance } from './labelled.ts';
import { decodeModel, encodeModel } from './model-codec.ts';
import type { ModelArray } from './model-codec.ts';
import { SlotLexicon } from './slot-lexicon.ts';
import type { LexiconEntry } from './slot-lexicon.ts';
import { SlotTagger, tagRuns } from './slot-tagger.ts';
import type { TaggerTrainOptions } from './slot-tagger.ts';
import type { SpanHint } from './tagger-features.ts';
import { taggerFeatures } from './tagger-features.ts';
import { MessageReader, wordCounts } from './message-reader.ts';
import { normalizeColloquial } from './spelling.ts';
import { tokenize } from './text.ts';
import type { Token } from './text.ts';

/** How to train an NLU model. */
export interface NluTrainOptions {
  seed?: number;
  /** Catalog terms whose matches become tagger features (and entities at recognition time). */
  gazetteer?: readonly GazetteerEntry[];
  intent?: IntentTrainOptions;
  tagger?: TaggerTrainOptions;
  features?: IntentFeatureConfig;
}

/** A typed span found by the tagger over tokens [from, to]. */
export interface TaggedSpan {
  type: string;
  from: number;
  to: number;
}

const HINT_CLOCK = { now: new Date(0), timeZoneOffsetMinutes: 0 };

/** The trained parts of the recognizer: intent classifier, slot tagger and the vocabulary of everyday words. */
export class NluModel {
  readonly gazetteer: Gazetteer;

  constructor(
    readonly classifier: IntentClassifier,
    readonly tagger: SlotTagger | undefined,
    readonly commonWords: ReadonlySet<string>,
    readonly features: IntentFeatureConfig,
    readonly gazetteerEntries: readonly GazetteerEntry[],
    readonly lexicon: SlotLexicon = new SlotLexicon([]),
    /** How often each word occurs in the training phrases (what the spelling corrector may correct to). */
    readonly vocabulary: ReadonlyMap<string, number> = new Map(),
  ) {
    this.gazetteer = new Gazetteer(gazetteerEntries, { commonWords });
  }

  /** A reader that normalizes messages against this model's vocabulary and catalog terms (plus extra ones). */
  reader(extraGazetteer: readonly GazetteerEntry[] = []): MessageReader {
    return new MessageReader(this.vocabulary, [...this.gazetteerEntries, ...extraGazetteer]);
  }

  /** Trains both models from labelled utterances; deterministic for a seed. */
  static train(utterances: readonly LabelledUtterance[], options: NluTrainOptions = {}): NluModel {
    const seed = options.seed ?? 7;
    const features = options.features ?? DEFAULT_INTENT_FEATURES;
    const tokenized = utterances.map((u) => tokenize(u.text));
    // Chat spellings are folded for the classifier, so "чё" in a message and "что" in a phrase are one feature; the
    // tagger reads the text as written, like it does at recognition time.
    const normalized = tokenized.map(normalizeColloquial);
    const commonWords = everydayWords(utterances, tokenized);
    const classifier = IntentClassifier.train(
      utterances.map((u, i) => ({ intent: u.intent, features: intentFeatures(normalized[i] as Token[], features) })),
      { seed, ...options.intent },
    );
    const gazetteerEntries = options.gazetteer ?? [];
    const gazetteer = new Gazetteer(gazetteerEntries, { commonWords });
    const types = [...new Set(utterances.flatMap((u) => u.slots.map((s) => s.type)))].sort();
    let tagger: SlotTagger | undefined;
    const lexicon = SlotLexicon.build(utterances, tokenized);
    if (types.length > 0) {
      const typeIndex = new Map(types.map((t, i) => [t, i]));
      const folds = foldLexicons(utterances, tokenized);
      const examples = utterances.map((u, i) => {
        const tokens = tokenized[i] as Token[];
        const hints = [...hintsFor(u.text, tokens, gazetteer), ...(folds[i % folds.length] as SlotLexicon).find(tokens)];
        return { features: taggerFeatures(tokens, hints, u.intent), tags: spansToTags(tokens, u.slots, typeIndex) };
      });
      tagger = SlotTagger.train(types, examples, { seed: seed + 4, ...options.tagger });
    }
    return new NluModel(classifier, tagger, commonWords, features, gazetteerEntries, lexicon, wordCounts(normalized));
  }

  /** Runs the tagger over tokens (conditioned on the message's best intent); spans never start or end on punctuation. */
  tag(text: string, tokens: readonly Token[], hints?: readonly SpanHint[], intent?: string): TaggedSpan[] {
    if (!this.tagger || tokens.length === 0) return [];
    const all = [...(hints ?? hintsFor(text, tokens, this.gazetteer)), ...this.lexicon.find(tokens)];
    const tags = this.tagger.decode(taggerFeatures(tokens, all, intent));
    return tagRuns(this.tagger, tags).map((run) => {
      let { from, to } = run;
      while (from < to && tokens[from]?.kind === 'punct') from++;
      while (to > from && tokens[to]?.kind === 'punct') to--;
      return { type: run.type, from, to };
    }).filter((run) => tokens[run.from]?.kind !== 'punct');
  }

  /** A binary file: header JSON plus quantized weight arrays. */
  serialize(): Uint8Array {
    const c = this.classifier.toParts();
    const t = this.tagger?.toParts();
    const arrays: Record<string, ModelArray> = {};
    for (const [k, v] of Object.entries(c.arrays)) arrays[`intent.${k}`] = v;
    for (const [k, v] of Object.entries(t?.arrays ?? {})) arrays[`tagger.${k}`] = v;
    return encodeModel({ version: MODEL_VERSION, intent: c.header, tagger: t?.header, features: this.features,
      commonWords: [...this.commonWords], gazetteer: this.gazetteerEntries, lexicon: this.lexicon.entries,
      vocabulary: [...this.vocabulary] }, arrays);
  }

  /** Loads a model written by {@link serialize}. */
  static deserialize(buffer: Uint8Array): NluModel {
    const { header, arrays } = decodeModel<SerializedHeader>(buffer);
    if (header.version !== MODEL_VERSION) {
      throw new SovetnikError('bad_request', `NLU model version ${String(header.version)} is not supported (retrain it)`);
    }
    const pick = (prefix: string): Record<string, ModelArray> => Object.fromEntries(
      Object.entries(arrays).filter(([k]) => k.startsWith(prefix)).map(([k, v]) => [k.slice(prefix.length), v]));
    const classifier = IntentClassifier.fromParts(header.intent, pick('intent.'));
    const tagger = header.tagger ? SlotTagger.fromParts(header.tagger, pick('tagger.')) : undefined;
    return new NluModel(classifier, tagger, new Set(header.commonWords), header.features, header.gazetteer,
      new SlotLexicon(header.lexicon ?? []), new Map(header.vocabulary ?? []));
  }
}

// Version 2: sparse per-feature tagger weights and intent-conditioned tagger features.
const MODEL_VERSION = 2;

interface SerializedHeader {
  version?: number;
  intent: { labels: string[]; temperature: number };
  tagger?: { types: string[] };
  features: IntentFeatureConfig;
  commonWords: string[];
  gazetteer: GazetteerEntry[];
  lexicon?: LexiconEntry[];
  /** Absent in models written before the spelling corrector: then nothing is corrected. */
  vocabulary?: [string, number][];
}

const LEXICON_FOLDS = 4;

// Each training sentence sees a lexicon built from the other folds only: with its own values in the lexicon, every
// slot would match, and the tagger would learn to trust matches far more than it should on new messages.
function foldLexicons(utterances: readonly LabelledUtterance[], tokenized: readonly Token[][]): SlotLexicon[] {
  return Array.from({ length: LEXICON_FOLDS }, (_, fold) => {
    const keep = utterances.map((_u, i) => i % LEXICON_FOLDS !== fold);
    return SlotLexicon.build(utterances.filter((_u, i) => keep[i]), tokenized.filter((_t, i) => keep[i]));
  });
}

/** Typed regions from the built-in extractors and the gazetteer, offered to the tagger as features. */
export function hintsFor(text: string, tokens: readonly Token[], gazetteer: Gazetteer): SpanHint[] {
  const hints: SpanHint[] = findBuiltins(text, tokens, HINT_CLOCK).map((m) => ({ type: m.type, start: m.start, end: m.end }));
  for (const m of gazetteer.find(tokens)) {
    hints.push({ type: `gaz:${m.type}`, start: (tokens[m.from] as Token).start, end: (tokens[m.to] as Token).end });
  }
  return hints;
}

/** BIO tag indices of tokens from character spans (tag 0 = O, B = 2t+1, I = 2t+2). */
export function spansToTags(tokens: readonly Token[], slots: readonly LabelledSpan[], typeIndex: Map<string, number>): Int32Array {
  const tags = new Int32Array(tokens.length);
  for (const slot of slots) {
    const t = typeIndex.get(slot.type);
    if (t === undefined) continue;
    let first = true;
    tokens.forEach((token, i) => {
      if (token.start < slot.end && token.end > slot.start) {
        tags[i] = first ? 2 * t + 1 : 2 * t + 2;
        first = false;
      }
    });
  }
  return tags;
}

// Stems outside any slot in the training phrases: everyday words that must not fuzzy-match catalog terms.
function everydayWords(utterances: readonly LabelledUtterance[], tokenized: readonly Token[][]): Set<string> {
  const words = new Set<string>();
  utterances.forEach((u, i) => {
    for (const token of tokenized[i] as Token[]) {
      if (token.kind !== 'word') continue;
      if (u.slots.some((s) => token.start < s.end && token.end > s.start)) continue;
      words.add(token.stem);
    }
  });
  return words;
}
