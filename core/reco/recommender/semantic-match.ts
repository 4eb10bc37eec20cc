import type { CatalogItem } from '../../catalog/catalog-item.ts';
import { foldText, stemWord, words } from '../embedding/text-features.ts';
import { TfidfEmbedder } from '../embedding/tfidf-embedder.ts';
import type { VectorIndex } from '../vector/vector-index.ts';
import type { CatalogIndex } from './catalog-index.ts';
import { TAG_WORDS } from './catalog-index.ts';
import type { CompiledConstraints } from './constraints.ts';

/** One semantic hit: the item, its relevance and the item's own words that matched the query. */
export interface SemanticHit {
  key: string;
  item: CatalogItem;
  score: number;
  matchedWords: string[];
}

function editDistanceAtMostOne(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0; let j = 0; let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) { i += 1; j += 1; continue; }
    edits += 1;
    if (edits > 1) return false;
    if (a.length > b.length) i += 1; else if (b.length > a.length) j += 1;
    else if (a[i + 1] === b[j] && a[i] === b[j + 1]) { i += 2; j += 2; } // transposition
    else { i += 1; j += 1; }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

/** The item's words matching each query word by stem, or by one typo for words of four letters or more. */
export function matchedWords(query: string, item: { words: string[]; stems: string[] }): { matched: string[]; coverage: number } {
  const queryWords = [...new Set(words(query))];
  if (queryWords.length === 0) return { matched: [], coverage: 0 };
  const { words: itemWords, stems: itemStems } = item;
  const matched = new Set<string>();
  let covered = 0;
  for (const word of queryWords) {
    const stem = stemWord(word);
    let hit = itemStems.indexOf(stem);
    if (hit < 0 && stem.length >= 4) {
      hit = itemStems.findIndex((s, k) => s.length >= 4 && (editDistanceAtMostOne(s, stem) || editDistanceAtMostOne(itemWords[k]!, word)));
    }
    if (hit >= 0) { matched.add(itemWords[hit]!); covered += 1; }
  }
  return { matched: [...matched], coverage: covered / queryWords.length };
}

const TAG_STEMS = Object.entries(TAG_WORDS).map(([tag, text]) => ({ tag, stems: new Set(words(text).map(stemWord)) }));

/** Diet tags a query asks for by name ("веганское молоко" -> vegan): a soft preference in ranking. */
export function tagsInQuery(query: string): string[] {
  const stems = words(query).map(stemWord);
  return TAG_STEMS.filter(({ stems: tagStems }) => stems.some((stem) => tagStems.has(stem))).map(({ tag }) => tag);
}

/**
 * Semantic retrieval: the query's dense embedding searches the VectorIndex with the constraints as a prefilter,
 * then hits are re-ranked by the exact TF-IDF cosine (when the embedder is the local one) and the share of query
 * words the item matches, and checked against every hard constraint.
 */
export async function semanticSearch(query: string, catalog: CatalogIndex, index: VectorIndex,
  constraints: CompiledConstraints, limit: number): Promise<SemanticHit[]> {
  if (foldText(query) === '') return [];
  const embedder = catalog.embedder;
  const local = embedder instanceof TfidfEmbedder ? embedder : undefined;
  const expanded = catalog.spelling.expand(query);
  const vector = local ? local.embedOne(expanded) : (await embedder.embed([expanded]))[0]!;
  // A broad word ("молоко") has hundreds of close items: take enough candidates for the re-rank to reorder.
  const matches = await index.query(vector, { topK: Math.max(150, limit * 8), filter: constraints.filter });
  const wantedTags = tagsInQuery(expanded);
  const sparseQuery = local?.sparse(expanded);
  const hits: SemanticHit[] = [];
  for (const match of matches) {
    const item = catalog.item(match.id);
    if (!item || !constraints.allows(item)) continue;
    const row = catalog.rowOf.get(match.id)!;
    const lexical = sparseQuery && catalog.sparse ? TfidfEmbedder.sparseCosine(sparseQuery, catalog.sparse[row]!) : match.score;
    const words = matchedWords(expanded, catalog.wordsOf(row));
    const tagShare = wantedTags.length ? wantedTags.filter((tag) => item.tags?.includes(tag)).length / wantedTags.length : 0;
    const score = 0.5 * lexical + 0.2 * match.score + 0.3 * words.coverage + 0.15 * tagShare;
    hits.push({ key: match.id, item, score, matchedWords: words.matched });
  }
  return hits.sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : 1)).slice(0, limit);
}
