// Search quality over the demo catalogs: recall@10 and MRR of a labelled set of ru/en shopping queries.
//   npx tsx bench/search-quality.ts [--seed 1] [--k 10]
// Compares the shipped hybrid search (dense ANN + TF-IDF re-rank) with dense vectors alone; last line is JSON.
import { parseArgs } from 'node:util';
import { generateDemoData } from '../bots/demo-data/index.ts';
import type { CatalogItem } from '../core/catalog/catalog-item.ts';
import { foldText } from '../core/reco/embedding/text-features.ts';
import { TfidfEmbedder } from '../core/reco/embedding/tfidf-embedder.ts';
import { searchableText } from '../core/reco/recommender/catalog-index.ts';
import { inCategory } from '../core/reco/recommender/constraints.ts';
import { createRecommender } from '../core/reco/recommender/recommender.ts';
import { MemoryVectorIndex } from '../core/reco/vector/memory-vector-index.ts';
import { MemoryCatalogStore } from '../core/stores/memory-catalog-store.ts';
import { MemoryEventStore } from '../core/stores/memory-event-store.ts';
import type { LabelledQuery } from './search-quality-queries.ts';
import { SEARCH_QUERIES } from './search-quality-queries.ts';

const { values } = parseArgs({ options: { seed: { type: 'string', default: '1' }, k: { type: 'string', default: '10' } } });
const k = Number(values.k);

function relevant(label: LabelledQuery, item: CatalogItem): boolean {
  if (label.category && !inCategory(item.category, label.category)) return false;
  const title = foldText(`${item.title.ru} ${item.title.en ?? ''}`);
  if (label.titleAny && !label.titleAny.some((word) => title.includes(foldText(word)))) return false;
  return (label.tags ?? []).every((tag) => item.tags?.includes(tag));
}

function score(ranked: CatalogItem[], label: LabelledQuery, all: CatalogItem[]) {
  const total = all.filter((item) => item.available !== false && relevant(label, item)).length;
  const hits = ranked.slice(0, k).filter((item) => relevant(label, item)).length;
  const first = ranked.findIndex((item) => relevant(label, item));
  return { recall: total ? hits / Math.min(k, total) : 0, rr: first >= 0 && first < k ? 1 / (first + 1) : 0, total };
}

const data = generateDemoData({ seed: Number(values.seed), shoppers: 0 });
const catalog = new MemoryCatalogStore();
await catalog.upsertMany(data.items);
const dims = Number(process.env.RECO_DIMS ?? 256);
// RECO_ANN_THRESHOLD / RECO_PROBES exercise the inverted-file index on this small catalog (quality under ANN).
const vectorIndex = new MemoryVectorIndex({ dimensions: dims, annThreshold: Number(process.env.RECO_ANN_THRESHOLD ?? 5000),
  probes: Number(process.env.RECO_PROBES ?? 8) });
const recommender = createRecommender({ catalog, events: new MemoryEventStore(), dimensions: dims, vectorIndex });
await recommender.refresh();
// The dense-only peer: the same embedder and index, no lexical re-rank.
const embedder = new TfidfEmbedder(data.items.map(searchableText), { dimensions: dims });
const dense = new MemoryVectorIndex({ dimensions: embedder.dimensions });
dense.upsertSync(data.items.map((item) => ({ id: `${item.service}:${item.id}`, values: embedder.embedOne(searchableText(item)),
  metadata: { kind: 'item' as const, tags: item.tags ?? [], available: item.available !== false } })));
const byKey = new Map(data.items.map((item) => [`${item.service}:${item.id}`, item]));

const rows: { q: string; lang: string; recall: number; rr: number; denseRecall: number; denseRr: number; total: number }[] = [];
for (const label of SEARCH_QUERIES) {
  const results = await recommender.search({ query: label.q, filters: { allowAdult: label.adult }, limit: k });
  const hybrid = score(results.map((r) => r.item), label, data.items);
  const excluded = label.adult ? [] : ['alcohol', '18+'];
  const denseHits = dense.querySync(embedder.embedOne(label.q), { topK: k, filter: { availableOnly: true, excludeTags: excluded } })
    .map((m) => byKey.get(m.id)!);
  const d = score(denseHits, label, data.items);
  rows.push({ q: label.q, lang: label.lang, recall: hybrid.recall, rr: hybrid.rr, denseRecall: d.recall, denseRr: d.rr, total: hybrid.total });
  if (hybrid.recall < 0.5) console.error(`weak: "${label.q}" recall ${hybrid.recall.toFixed(2)} rr ${hybrid.rr.toFixed(2)} (relevant ${hybrid.total}); top: ${results.slice(0, 3).map((r) => r.item.title.ru).join(' | ')}`);
}
const mean = (list: typeof rows, key: 'recall' | 'rr' | 'denseRecall' | 'denseRr') =>
  Math.round((list.reduce((sum, row) => sum + row[key], 0) / Math.max(1, list.length)) * 1000) / 1000;
const summary = (list: typeof rows) => ({ queries: list.length, [`recall@${k}`]: mean(list, 'recall'), mrr: mean(list, 'rr') });
console.log(JSON.stringify({
  catalogItems: data.items.length, ...summary(rows),
  ru: summary(rows.filter((r) => r.lang === 'ru')), en: summary(rows.filter((r) => r.lang === 'en')),
  denseOnly: { [`recall@${k}`]: mean(rows, 'denseRecall'), mrr: mean(rows, 'denseRr') },
  emptyLabels: rows.filter((r) => r.total === 0).map((r) => r.q),
}));
