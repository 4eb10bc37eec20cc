/** Recall@K of one ranked list: the share of the target's distinct items found in the top K. */
export function recallAtK(ranked: readonly string[], target: readonly string[], k: number): number {
  const wanted = new Set(target);
  if (wanted.size === 0) return 0;
  let hits = 0;
  const seen = new Set<string>();
  for (const item of ranked.slice(0, k)) {
    if (wanted.has(item) && !seen.has(item)) hits += 1;
    seen.add(item);
  }
  return hits / wanted.size;
}

/** NDCG@K with binary relevance: a hit at rank r earns 1/log2(r+1); the ideal ranks min(K, |target|) hits first. */
export function ndcgAtK(ranked: readonly string[], target: readonly string[], k: number): number {
  const wanted = new Set(target);
  if (wanted.size === 0) return 0;
  let dcg = 0;
  const seen = new Set<string>();
  ranked.slice(0, k).forEach((item, index) => {
    if (wanted.has(item) && !seen.has(item)) dcg += 1 / Math.log2(index + 2);
    seen.add(item);
  });
  let ideal = 0;
  for (let rank = 0; rank < Math.min(k, wanted.size); rank += 1) ideal += 1 / Math.log2(rank + 2);
  return dcg / ideal;
}

/** Mean recall and NDCG over users, as reported by `reco:eval`. */
export interface RankingScores {
  users: number;
  recall: number;
  ndcg: number;
}

/** Averages the per-user metrics of ranked lists against their targets. */
export function scoreRankings(
  pairs: Iterable<{ ranked: readonly string[]; target: readonly string[] }>,
  k: number,
): RankingScores {
  let users = 0; let recall = 0; let ndcg = 0;
  for (const { ranked, target } of pairs) {
    users += 1;
    recall += recallAtK(ranked, target, k);
    ndcg += ndcgAtK(ranked, target, k);
  }
  return { users, recall: users ? recall / users : 0, ndcg: users ? ndcg / users : 0 };
}
