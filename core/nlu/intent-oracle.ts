import type { Language } from './recognizer.ts';

/** What the recognizer asks a second opinion about. */
export interface OracleRequest {
  text: string;
  language: Language;
  /** The intents the recognizer knows, so the oracle answers with one of them (or `none`). */
  intents: readonly string[];
  /** The recognizer's own ranking, best first. */
  candidates: readonly { name: string; confidence: number }[];
  signal?: AbortSignal;
}

/** The oracle's answer; `undefined` when it has no opinion. */
export interface OracleAnswer {
  intent: string;
  confidence: number;
}

/**
 * A second opinion for low-confidence messages, typically an LLM behind the LLM port. The recognizer calls it only
 * when its own confidence is below a threshold, with a timeout, and ignores failures.
 */
export interface IntentOracle {
  classify(request: OracleRequest): Promise<OracleAnswer | undefined>;
}
