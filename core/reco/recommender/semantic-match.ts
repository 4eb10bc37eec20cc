import type { CatalogItem } from '../../catalog/catalog-item.ts';
import { derivationalRoot } from '../../nlu/derivation.ts';
import { isContentWord } from '../../nlu/stopwords.ts';
import { foldText, stemWord, wordFeatureId, words } from '../embedding/text-features.ts';
import type { SparseTextVector } from '../embedding/tfidf-embedder.ts';
import { TfidfEmbedder } from '../embedding/tfidf-embedder.ts';
import type { VectorIndex, VectorMatch } from '../vector/vector-index.ts';
import { dot, dotAt } from '../vector/vector-math.ts';
import type { CatalogIndex } from './catalog-index.ts';
import { TAG_WORDS } from './catalog-index.ts';
import type { CompiledConstraints } from './constraints.ts';
import { DERIVED_MATCH, DerivedWeights, editDistanceAtMostOne, QueryWeights } from './query-scoring.ts';

/** One semantic hit: the item, its relevance and the item's own content words that matched the query. */
export interface SemanticHit {
  key: string;
  item: CatalogItem;
  score: number;
  matchedWords: string[];
}

/** A query's distinct folded words and their stems, computed once per search. */
export interface QueryWords {
  words: string[];
  stems: string[];
}

/** Splits and stems a query once. */
export function queryWords(query: string): QueryWords {
  const list = [...new Set(words(query))];
  return { words: list, stems: list.map(stemWord) };
}

/**
 * The item's words matching each query word by stem, or by one typo for words of four letters or more, or else by
 * derivational root (гречневая for гречка, counted {@link DERIVED_MATCH}). Only content words are listed (a matched
 * "на", "for", "8" or "л" explains nothing); the coverage counts every match.
 */
export function matchedWords(query: QueryWords, item: { words: string[]; stems: string[] }): { matched: string[]; coverage: number } {
  if (query.words.length === 0) return { matched: [], coverage: 0 };
  const matched: string[] = [];
  const covered = matchWords(query, item, matched);
  return { matched, coverage: covered / query.words.length };
}

/** The share of query words the item matches, as {@link matchedWords} counts it, without listing the words. */
export function wordCoverage(query: QueryWords, item: { words: string[]; stems: string[] }): number {
  return query.words.length === 0 ? 0 : matchWords(query, item, undefined) / query.words.length;
}

/** How many query words the item matches; the matched item words go to `matched` when given. */
function matchWords(query: QueryWords, item: { words: string[]; stems: string[] }, matched: string[] | undefined): number {
  const { words: itemWords, stems: itemStems } = item;
  let covered = 0;
  for (let q = 0; q < query.words.length; q += 1) {
    const word = query.words[q]!;
    const stem = query.stems[q]!;
    let hit = itemStems.indexOf(stem);
    if (hit < 0 && stem.length >= 4) {
      for (let k = 0; k < itemStems.length && hit < 0; k += 1) {
        const other = itemStems[k]!;
        // Same first letter: a cheap gate before the edit-distance check.
        if (other.length >= 4 && other[0] === stem[0] && (editDistanceAtMostOne(other, stem) || editDistanceAtMostOne(itemWords[k]!, word))) hit = k;
      }
    }
    let strength = 1;
    if (hit < 0) {
      const root = derivationalRoot(stem);
      hit = itemStems.findIndex((other) => derivationalRoot(other) === root);
      strength = DERIVED_MATCH;
    }
    if (hit >= 0) {
      covered += strength;
      // Coverage keeps counting function words and numbers (ranking is unchanged); only the cited list skips them.
      const itemWord = itemWords[hit]!;
      if (matched && isContentWord(word) && isContentWord(itemWord) && !matched.includes(itemWord)) matched.push(itemWord);
    }
  }
  return covered;
}

const TAG_STEMS = Object.entries(TAG_WORDS).map(([tag, text]) => ({ tag, stems: new Set(words(text).map(stemWord)) }));

/** Diet tags a query asks for by name ("веганское молоко" -> vegan): a soft preference in ranking. */
export function tagsInQuery(query: string): string[] {
  const stems = words(query).map(stemWord);
  return TAG_STEMS.filter(({ stems: tagStems }) => stems.some((stem) => tagStems.has(stem))).map(({ tag }) => tag);
}

/** A query prepared once (spelling-expanded, TF-IDF, embedded, split into words) and cached per catalog. */
interface PreparedQuery {
  /** No letters or digits: nothing to search for. */
  empty: boolean;
  expanded: string;
  sparse: SparseTextVector;
  vector: Float32Array;
  norm: number;
  wantedTags: string[];
  terms: QueryWords;
  /** `sparse` as a hashed table, for the per-row lexical cosines. */
  weights: QueryWeights;
  /** Word features of the catalog's derived forms of the query words (гречнев for гречк). */
  derived: DerivedWeights;
}

const EMPTY_QUERY: PreparedQuery = { empty: true, expanded: '', sparse: { ids: new Int32Array(0), weights: new Float32Array(0) },
  vector: new Float32Array(0), norm: 1, wantedTags: [], terms: { words: [], stems: [] },
  weights: new QueryWeights({ ids: new Int32Array(0), weights: new Float32Array(0) }),
  derived: new DerivedWeights(new Int32Array(0), new Float32Array(0), new Int32Array(0)) };

async function prepareQuery(query: string, catalog: CatalogIndex): Promise<PreparedQuery> {
  const cached = catalog.queryCache.get(query) as PreparedQuery | undefined;
  if (cached) return cached;
  if (foldText(query) === '') return EMPTY_QUERY;
  const embedder = catalog.embedder;
  const expanded = catalog.spelling.expand(query);
  const sparse = catalog.tfidf.sparse(expanded);
  const vector = embedder instanceof TfidfEmbedder ? embedder.project(sparse) : (await embedder.embed([expanded]))[0]!;
  const terms = queryWords(expanded);
  const prepared = { empty: false, expanded, sparse, vector, norm: Math.sqrt(dot(vector, vector)) || 1,
    wantedTags: tagsInQuery(expanded), terms, weights: new QueryWeights(sparse), derived: derivedFeatures(terms, sparse, catalog) };
  catalog.queryCache.set(query, prepared);
  return prepared;
}

/**
 * The word features of the other stems of each query word's family in the catalog vocabulary, each weighted as
 * its query word: they retrieve items that say "гречневая" for "гречка", and score them below the word itself.
 */
function derivedFeatures(terms: QueryWords, sparse: SparseTextVector, catalog: CatalogIndex): DerivedWeights {
  const ids: number[] = [];
  const weights: number[] = [];
  const owners: number[] = [];
  terms.stems.forEach((stem, q) => {
    const family = catalog.words.families.get(derivationalRoot(stem));
    const own = family ? sparse.ids.indexOf(wordFeatureId(stem)) : -1;
    if (own < 0) return;
    family!.stems.forEach((member, m) => {
      if (terms.stems.includes(member)) return;
      ids.push(family!.features[m]!);
      weights.push(sparse.weights[own]!);
      owners.push(q);
    });
  });
  return new DerivedWeights(Int32Array.from(ids), Float32Array.from(weights), Int32Array.from(owners));
}

/**
 * Hybrid retrieval: exact lexical candidates from word-stem postings (spelling-corrected query), derived-form
 * candidates when those are fewer than the pool, plus dense
 * candidates from the VectorIndex (the constraints as a prefilter), all re-ranked by TF-IDF cosine, dense cosine,
 * the share of query words the item matches and the diet tags the query names, and checked against every hard
 * constraint. The prepared query is cached per catalog (callers never mutate its vector).
 */
export async function semanticSearch(query: string, catalog: CatalogIndex, index: VectorIndex,
  constraints: CompiledConstraints, limit: number): Promise<SemanticHit[]> {
  const prepared = await prepareQuery(query, catalog);
  if (prepared.empty) return [];
  const { sparse: sparseQuery, vector, norm, wantedTags, terms, weights } = prepared;
  const { items, keys } = catalog;
  const pool = Math.max(60, limit * 6);
  const rows = new Set<number>();
  const lexicalRows = catalog.lexical.search(sparseQuery, pool, constraints.allowsRow);
  for (let i = 0; i < lexicalRows.length; i += 1) rows.add(lexicalRows[i]!);
  // Derived forms are retrieved only when the exact words find fewer than `limit` items ("гречка" where only a few
  // titles say it), and `limit` of them at most: they rank below exact hits, so more would only cost scoring time.
  const derived = prepared.derived;
  if (rows.size < limit && derived.size > 0) {
    const derivedRows = catalog.lexical.search(derived.retrieval, limit, constraints.allowsRow);
    for (let i = 0; i < derivedRows.length; i += 1) rows.add(derivedRows[i]!);
  }
  const request = { topK: Math.max(20, limit * 2), filter: constraints.filter };
  // The in-process indexes answer synchronously: no promise per query on the hot path.
  const sync = (index as Partial<{ querySync(v: Float32Array, q: typeof request): VectorMatch[] }>).querySync;
  const matches = sync ? sync.call(index, vector, request) : await index.query(vector, request);
  for (const match of matches) {
    const row = catalog.rowOf.get(match.id);
    if (row !== undefined) rows.add(row);
  }
  const d = catalog.embedder.dimensions;
  // Scores first, in reused buffers; hits (and their matched-word lists) are built only for the winners.
  const scratch = scratchFor(catalog, rows.size);
  let count = 0;
  const coverage = catalog.coverage;
  coverage.begin(terms);
  for (const row of rows) {
    if (!constraints.allowsRow(row)) continue;
    const covered = coverage.coverage(row);
    const exact = weights.dot(catalog.sparse[row]!);
    // Only a row that matched some word by a derived form alone has derived features to count.
    const lexical = coverage.anyDerived ? exact + derived.dot(catalog.sparse[row]!, coverage.exactWords) : exact;
    const dense = dotAt(vector, 0, catalog.embeddings, row * d, d) / (norm * (catalog.norms[row] || 1));
    const tagShare = wantedTags.length ? tagsHeld(wantedTags, items[row]!.tags) / wantedTags.length : 0;
    scratch.rows[count] = row;
    scratch.scores[count] = 0.5 * lexical + 0.2 * dense + 0.3 * covered + 0.15 * tagShare;
    count += 1;
  }
  const winners = bestRows(scratch, count, limit, keys);
  return winners.map((at) => {
    const row = scratch.rows[at]!;
    return { key: keys[row]!, item: items[row]!, score: scratch.scores[at]!, matchedWords: matchedWords(terms, catalog.wordsOf(row)).matched };
  });
}

function tagsHeld(wanted: readonly string[], tags: readonly string[] | undefined): number {
  let held = 0;
  for (const tag of wanted) if (tags?.includes(tag)) held += 1;
  return held;
}

interface Scratch {
  rows: Int32Array;
  scores: Float64Array;
}

const scratches = new WeakMap<CatalogIndex, Scratch>();

/** Per-catalog buffers reused by every search (searches run to completion one at a time: no await inside). */
function scratchFor(catalog: CatalogIndex, size: number): Scratch {
  let scratch = scratches.get(catalog);
  if (!scratch || scratch.rows.length < size) {
    scratch = { rows: new Int32Array(Math.max(size, 256)), scores: new Float64Array(Math.max(size, 256)) };
    scratches.set(catalog, scratch);
  }
  return scratch;
}

/**
 * Positions in `scratch` of the `limit` best scores, best first, ties by key: the same list as sorting every hit
 * by (score desc, key asc) and slicing, found by insertion into a short list.
 */
function bestRows({ rows, scores }: Scratch, count: number, limit: number, keys: readonly string[]): number[] {
  const best: number[] = [];
  const before = (a: number, b: number) => scores[a]! > scores[b]! || (scores[a] === scores[b] && keys[rows[a]!]! < keys[rows[b]!]!);
  for (let at = 0; at < count; at += 1) {
    if (best.length === limit && !before(at, best[limit - 1]!)) continue;
    let i = best.length < limit ? best.length : limit - 1;
    if (best.length < limit) best.push(at);
    while (i > 0 && before(at, best[i - 1]!)) { best[i] = best[i - 1]!; i -= 1; }
    best[i] = at;
  }
  return best;
}
