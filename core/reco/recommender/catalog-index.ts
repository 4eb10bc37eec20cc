import type { CatalogItem } from '../../catalog/catalog-item.ts';
import type { CatalogSnapshot } from '../../stores/catalog-store.ts';
import { BoundedCache } from '../bounded-cache.ts';
import type { Embedder } from '../embedding/embedder.ts';
import type { SparseTextVector } from '../embedding/tfidf-embedder.ts';
import { SpellingCorrector } from '../embedding/spelling.ts';
import { foldText, stemWord } from '../embedding/text-features.ts';
import { TfidfEmbedder } from '../embedding/tfidf-embedder.ts';
import { SemanticIds } from '../semantic-ids.ts';
import type { VectorIndex, VectorRecord } from '../vector/vector-index.ts';
import { CatalogFacts } from './catalog-facts.ts';
import { DietRelevance } from './constraints.ts';
import { CatalogWords } from './catalog-words.ts';
import { LexicalIndex } from './lexical-index.ts';
import { CoverageMatcher } from './query-scoring.ts';
import { dotAt, sumOfSquares } from '../vector/vector-math.ts';
import type { TimeSlicer } from '../../time-slicer.ts';
import { createTimeSlicer } from '../../time-slicer.ts';

/** Words that make diet and safety tags searchable in both languages. */
export const TAG_WORDS: Record<string, string> = {
  vegan: 'vegan веган веганский', vegetarian: 'vegetarian вегетарианский', lactose_free: 'lactose free без лактозы',
  gluten_free: 'gluten free без глютена', sugar_free: 'sugar free без сахара', organic: 'organic органический',
  halal: 'halal халяль', kids: 'kids детский', spicy: 'spicy острый',
};

/**
 * The text an item is embedded and matched by: titles (ru twice: the main language), the leaf category twice
 * (what the item is), the rest of the path, and words for its diet tags. The brand is left out: titles already
 * name it, and repeating it lets brands such as "Peanut Butter Club" outrank the butter itself.
 */
export function searchableText(item: CatalogItem): string {
  const tags = (item.tags ?? []).map((tag) => TAG_WORDS[tag] ?? '').join(' ');
  const path = item.category.split('/');
  const leaf = path.at(-1) ?? '';
  // The second Russian copy drops Latin words: they are brand names the English title repeats anyway.
  const cyrillic = item.title.ru.replace(/[A-Za-z][\w'-]*/g, ' ');
  return `${item.title.ru} ${cyrillic} ${item.title.en ?? ''} ${leaf} ${leaf} ${path.slice(0, -1).join(' ')} ${tags}`;
}

/** Options of a catalog index build. */
export interface CatalogIndexOptions {
  snapshot: CatalogSnapshot;
  vectorIndex: VectorIndex;
  /** A fixed embedder (production); when absent a TfidfEmbedder is trained on this catalog. */
  embedder?: Embedder;
  dimensions?: number;
  previous?: CatalogIndex;
  upsertBatch?: number;
  /** Lets the event loop in during the build (default: a fresh 10 ms slicer); the built index is the same. */
  slicer?: TimeSlicer;
}

/**
 * The catalog as the recommender sees it: items with dense embeddings (kept in memory for diversity and
 * cross-service matching, and written to the VectorIndex), exact TF-IDF vectors for re-ranking, semantic ids,
 * and which diet tags are meaningful where.
 */
export class CatalogIndex {
  readonly rowOf = new Map<string, number>();
  /** The `service:id` key of each row (built once: hot paths never concatenate keys). */
  readonly keys: string[];
  /** Typed per-row facts for hard-constraint checks by row. */
  readonly facts: CatalogFacts;
  /** The Euclidean norm of each row's embedding (cosines on the hot path need only one dot product). */
  readonly norms: Float64Array;
  /** Each row's squared norm summed in order (what diversification's cosines use), so no request re-sums it. */
  readonly squares: Float64Array;
  /** Prepared queries by text, so a repeated query is not re-tokenized, re-corrected and re-embedded. */
  readonly queryCache = new BoundedCache<string, unknown>(512);

  private constructor(
    readonly revision: number,
    readonly items: readonly CatalogItem[],
    readonly embedder: Embedder,
    /** The catalog-trained TF-IDF behind lexical retrieval (the embedder itself on the embedded default). */
    readonly tfidf: TfidfEmbedder,
    readonly embeddings: Float32Array,
    readonly sparse: SparseTextVector[],
    readonly semanticIds: SemanticIds,
    readonly relevance: DietRelevance,
    /** Item JSON per key, to re-embed only what changed. */
    readonly fingerprints: Map<string, string>,
    /** How many items the self-trained embedder learned from. */
    readonly trainedOn: number,
    /** Query spelling correction against the catalog's words. */
    readonly spelling: SpellingCorrector,
    /** Each row's {@link wordsOf}, derived ahead (in slices) so this constructor does not block for it. */
    preparedWords: readonly { words: string[]; stems: string[] }[],
    /** Word-stem postings for exact lexical retrieval. */
    readonly lexical: LexicalIndex,
  ) {
    preparedWords.forEach((entry, row) => this.wordCache.set(row, entry));
    this.keys = items.map((item) => `${item.service}:${item.id}`);
    this.keys.forEach((key, row) => this.rowOf.set(key, row));
    this.facts = new CatalogFacts(items, this.keys);
    const d = embedder.dimensions;
    this.norms = new Float64Array(items.length);
    this.squares = new Float64Array(items.length);
    for (let row = 0; row < items.length; row += 1) {
      this.norms[row] = Math.sqrt(dotAt(embeddings, row * d, embeddings, row * d, d));
      this.squares[row] = sumOfSquares(embeddings, row * d, d);
    }
    this.words = new CatalogWords(items.length, (row) => this.wordsOf(row));
    this.coverage = new CoverageMatcher(this.words);
  }

  /** Every row's words as vocabulary ids. */
  readonly words: CatalogWords;
  /** Query-word coverage of rows, reused by every search (searches score rows without awaiting in between). */
  readonly coverage: CoverageMatcher;

  /**
   * Builds the index from a catalog snapshot and brings the VectorIndex in line with it. The work is cut into
   * slices of the slicer's budget, so requests and timers are served meanwhile; nothing built is visible before
   * the returned promise resolves.
   */
  static async build(options: CatalogIndexOptions): Promise<CatalogIndex> {
    const slicer = options.slicer ?? createTimeSlicer();
    const items = options.snapshot.items;
    const texts = await mapSliced(items, slicer, searchableText);
    // A self-trained embedder is kept while the catalog grows by less than a fifth, so updates re-embed only
    // changed items; past that the vocabulary has moved enough to retrain (and re-embed everything).
    const reusable = options.previous && !options.embedder && options.previous.embedder instanceof TfidfEmbedder
      && items.length <= options.previous.trainedOn * 1.2 ? options.previous.embedder : undefined;
    const embedder = options.embedder ?? reusable
      ?? await TfidfEmbedder.trainSliced(texts, slicer, { dimensions: options.dimensions ?? options.vectorIndex.dimensions });
    const trainedOn = reusable ? options.previous!.trainedOn : items.length;
    // Lexical retrieval always runs on a catalog-trained TF-IDF, whatever the dense embedder is.
    const tfidf = embedder instanceof TfidfEmbedder ? embedder
      : options.previous && options.previous.tfidf !== options.previous.embedder && items.length <= options.previous.trainedOn * 1.2
        ? options.previous.tfidf : await TfidfEmbedder.trainSliced(texts, slicer, { dimensions: 8 });
    const sparse = await mapSliced(texts, slicer, (text) => tfidf.sparse(text));
    const d = embedder.dimensions;
    const embeddings = new Float32Array(items.length * d);
    const fingerprints = new Map<string, string>();
    const previous = options.previous?.embedder === embedder ? options.previous : undefined;
    const toEmbed: number[] = [];
    for (let row = 0; row < items.length; row += 1) {
      const item = items[row]!;
      const key = `${item.service}:${item.id}`;
      const fingerprint = JSON.stringify(item);
      fingerprints.set(key, fingerprint);
      const before = previous?.rowOf.get(key);
      if (before !== undefined && previous!.fingerprints.get(key) === fingerprint) {
        embeddings.set(previous!.embeddings.subarray(before * d, (before + 1) * d), row * d);
      } else toEmbed.push(row);
      if (slicer.due()) await slicer.pause();
    }
    const batch = options.upsertBatch ?? 256;
    const upserts: VectorRecord[][] = [];
    for (let start = 0; start < toEmbed.length; start += batch) {
      const rows = toEmbed.slice(start, start + batch);
      const vectors = embedder instanceof TfidfEmbedder ? await mapSliced(rows, slicer, (row) => embedder.project(sparse[row]!))
        : await embedder.embed(rows.map((row) => texts[row]!));
      rows.forEach((row, i) => embeddings.set(vectors[i]!, row * d));
      upserts.push(rows.map((row) => record(items[row]!, embeddings.subarray(row * d, (row + 1) * d))));
      await slicer.pause();
    }
    const semanticIds = await SemanticIds.buildSliced(items.map((item) => `${item.service}:${item.id}`), embeddings, d, slicer);
    const words = await mapSliced(texts, slicer, wordsOfText);
    const lexical = await LexicalIndex.buildSliced(sparse, (row) => words[row]!.stems, slicer);
    const relevance = new DietRelevance(items);
    await slicer.pause();
    const spelling = new SpellingCorrector([]);
    for (const text of texts) {
      spelling.add(text);
      if (slicer.due()) await slicer.pause();
    }
    // On a rebuild the vector index changes only now, with no slice in between (for an in-process index): queries
    // answered by the previous CatalogIndex meanwhile never see vectors of a catalog they do not know. A first
    // build has no such readers (every request waits for it), so it writes in slices.
    for (const records of upserts) {
      await options.vectorIndex.upsert(records);
      if (!options.previous) await slicer.pause();
    }
    const removed = [...(options.previous?.rowOf.keys() ?? [])].filter((key) => !fingerprints.has(key));
    if (removed.length > 0) await options.vectorIndex.delete(removed);
    return new CatalogIndex(options.snapshot.revision, items, embedder, tfidf, embeddings, sparse, semanticIds,
      relevance, fingerprints, trainedOn, spelling, words, lexical);
  }

  private readonly wordCache = new Map<number, { words: string[]; stems: string[] }>();

  /** The folded words of an item's searchable text and their stems, cached. */
  wordsOf(row: number): { words: string[]; stems: string[] } {
    let entry = this.wordCache.get(row);
    if (!entry) {
      entry = wordsOfText(searchableText(this.items[row]!));
      if (this.wordCache.size > 200_000) this.wordCache.clear();
      this.wordCache.set(row, entry);
    }
    return entry;
  }

  /** The item of a `service:id` key. */
  item(key: string): CatalogItem | undefined {
    const row = this.rowOf.get(key);
    return row === undefined ? undefined : this.items[row];
  }

  /** The embedding row of a row index (a view, do not modify). */
  embeddingAt(row: number): Float32Array {
    const d = this.embedder.dimensions;
    return this.embeddings.subarray(row * d, (row + 1) * d);
  }

  /** The embedding row of a key (a view, do not modify). */
  embedding(key: string): Float32Array | undefined {
    const row = this.rowOf.get(key);
    const d = this.embedder.dimensions;
    return row === undefined ? undefined : this.embeddings.subarray(row * d, (row + 1) * d);
  }
}

function record(item: CatalogItem, values: Float32Array): VectorRecord {
  return {
    id: `${item.service}:${item.id}`, values: Float32Array.from(values),
    metadata: { kind: 'item', service: item.service, available: item.available !== false, tags: [...(item.tags ?? [])],
      price: item.price, category: item.category },
  };
}

/** The distinct folded words of a searchable text and their stems. */
function wordsOfText(text: string): { words: string[]; stems: string[] } {
  const words = [...new Set(foldText(text).split(' '))];
  return { words, stems: words.map(stemWord) };
}

/** `values.map(fn)`, pausing between elements when the slicer's budget is spent. */
async function mapSliced<T, U>(values: readonly T[], slicer: TimeSlicer, fn: (value: T) => U): Promise<U[]> {
  const out = new Array<U>(values.length);
  for (let i = 0; i < values.length; i += 1) {
    out[i] = fn(values[i]!);
    if (slicer.due()) await slicer.pause();
  }
  return out;
}
