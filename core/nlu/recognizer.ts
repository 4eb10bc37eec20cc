import type { Locale } from '../activity.ts';

/** The language a message is written in; `other` when neither ru nor en. */
export type Language = Locale | 'other';

/** A typed span of the message. Offsets are UTF-16 code unit offsets into the original text, end exclusive. */
export interface Entity {
  /** The slot or entity type, for example `number`, `money`, `quantity`, `date`, `ordinal`, `brand`, `product`. */
  type: string;
  /** The normalized value (a number, `{ amount, currency, bound }`, an ISO date, a catalog id, ...). */
  value: unknown;
  /** The text as written. */
  text: string;
  start: number;
  end: number;
  confidence?: number;
  /** Which component found it. */
  source?: 'tagger' | 'builtin' | 'gazetteer' | 'llm';
}

/** An intent and its calibrated probability. */
export interface IntentScore {
  name: string;
  confidence: number;
}

/** What the recognizer understood. */
export interface Recognition {
  text: string;
  language: Language;
  /** The best intent; `none` when the message is out of scope or confidence is too low. */
  intent: IntentScore;
  /** The ranked alternatives, best first (includes the best). */
  intents: IntentScore[];
  entities: Entity[];
}

/** Hints for one recognition. */
export interface RecognizeOptions {
  /** The conversation's locale, used when the text alone is ambiguous. */
  locale?: Locale;
  /** Intents the dialog currently expects, which may be favoured on a tie. */
  expectedIntents?: string[];
  signal?: AbortSignal;
}

/** Turns a message into a language, an intent with a confidence, and typed entities. */
export interface Recognizer {
  recognize(text: string, options?: RecognizeOptions): Promise<Recognition>;
}

/** The intent name used for out-of-scope messages. */
export const NONE_INTENT = 'none';
