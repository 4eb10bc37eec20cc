import snowball from 'snowball-stemmers';
import { hashString } from '../random.ts';

const ruStemmer = snowball.newStemmer('russian');
const enStemmer = snowball.newStemmer('english');
const CYRILLIC = /[\u0400-\u04FF]/;
const stems = new Map<string, string>();

/** Lower case, ё folded to е, everything but letters and digits turned into spaces. */
export function foldText(text: string): string {
  return text.toLowerCase().replace(/ё/g, 'е').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** The Snowball stem of a folded word (Russian or English by script), cached. */
export function stemWord(word: string): string {
  let stem = stems.get(word);
  if (stem === undefined) {
    stem = /^\p{N}+$/u.test(word) ? word : (CYRILLIC.test(word) ? ruStemmer : enStemmer).stem(word);
    if (stems.size > 100_000) stems.clear();
    stems.set(word, stem);
  }
  return stem;
}

/** Folded words of a text. */
export function words(text: string): string[] {
  const folded = foldText(text);
  return folded === '' ? [] : folded.split(' ');
}

/** Stems of a text's words (the form matching and explanations compare). */
export function stemsOf(text: string): string[] {
  return words(text).map(stemWord);
}

/** A weighted, hashed text feature. */
export interface TextFeature {
  id: number;
  weight: number;
}

export const FEATURE_SPACE = 1 << 20;

/** The hashed id of a word-stem feature (what lexical postings are keyed by). */
export function wordFeatureId(stem: string): number {
  return hashString(`w:${stem}`) % FEATURE_SPACE;
}

/** One word's feature additions, in the order they are made: hashed ids and their weights. */
interface WordFeatures {
  ids: Int32Array;
  weights: Float64Array;
}

const wordFeatureCache = new Map<string, WordFeatures>();

/**
 * The features a word adds, hashed once per distinct word (queries and catalog texts repeat words; building and
 * hashing the n-gram strings is most of the cost). The additions are replayed in the same order as they were
 * made, so the summed weights are bit-identical to adding them one by one.
 */
function featuresOfWord(word: string): WordFeatures {
  let cached = wordFeatureCache.get(word);
  if (cached) return cached;
  const ids: number[] = [];
  const weights: number[] = [];
  const add = (key: string, weight: number) => { ids.push(hashString(key) % FEATURE_SPACE); weights.push(weight); };
  const stem = stemWord(word);
  add(`w:${stem}`, 1);
  const padded = `<${stem}>`;
  for (let i = 0; i + 3 <= padded.length; i += 1) add(`g:${padded.slice(i, i + 3)}`, 0.3);
  if (word !== stem && word.length > stem.length) {
    const full = `<${word}>`;
    for (let i = 0; i + 3 <= full.length; i += 1) add(`g:${full.slice(i, i + 3)}`, 0.1);
  }
  cached = { ids: Int32Array.from(ids), weights: Float64Array.from(weights) };
  if (wordFeatureCache.size > 100_000) wordFeatureCache.clear();
  wordFeatureCache.set(word, cached);
  return cached;
}

/**
 * Features of a text: word stems (robust to inflection) and character 3-grams of the padded stems and words
 * (robust to typos and partial words), hashed into FEATURE_SPACE. Weights are raw counts times group weights.
 */
export function textFeatures(text: string): Map<number, number> {
  const features = new Map<number, number>();
  for (const word of words(text)) {
    const { ids, weights } = featuresOfWord(word);
    for (let i = 0; i < ids.length; i += 1) features.set(ids[i]!, (features.get(ids[i]!) ?? 0) + weights[i]!);
  }
  return features;
}
