import type { CatalogIndex } from './catalog-index.ts';
import type { Candidate, CandidatePart } from './candidates.ts';
import type { Reason, SuggestionFeedback } from './types.ts';

const DAY = 86_400_000;

/** Per-request signals that re-weight candidates. */
export interface RankingSignals {
  preferTags: ReadonlySet<string>;
  /** Items the shopper has ordered. */
  owned: ReadonlySet<string>;
  novelty: 'familiar' | 'balanced' | 'new';
  feedback: readonly Required<SuggestionFeedback>[];
  now: number;
  /** A stated request: candidates without a part of this kind sink to a fifth of their score. */
  demoteWithout?: Reason['kind'];
  /** Only the best this many are returned (ranked); default all. */
  keep?: number;
}

/** A candidate with its final score and the source that explains it. */
export interface Scored {
  candidate: Candidate;
  score: number;
  main: CandidatePart;
}

/**
 * Sums source scores and applies soft signals: preferred tags, novelty, and feedback (each recent "ignored"
 * costs a quarter, "accepted" adds a tenth; "rejected" is a hard exclusion handled by the constraints).
 */
export function scoreCandidates(candidates: Iterable<Candidate>, signals: RankingSignals): Scored[] {
  const ignored = new Map<string, number>();
  const accepted = new Set<string>();
  for (const entry of signals.feedback) {
    if (signals.now - Date.parse(entry.at) > 30 * DAY) continue;
    const key = `${entry.service}:${entry.itemId}`;
    if (entry.outcome === 'ignored') ignored.set(key, (ignored.get(key) ?? 0) + 1);
    if (entry.outcome === 'accepted') accepted.add(key);
  }
  const best = new BestScored(signals.keep ?? Infinity);
  for (const candidate of candidates) {
    let sum = 0;
    let main: Scored['main'] | undefined;
    const parts = candidate.parts.values();
    for (let p = 0; p < parts.length; p += 1) {
      const part = parts[p]!;
      sum += part.score;
      if (!main || part.score > main.score) main = part;
    }
    if (!main) continue;
    let factor = 1;
    if (signals.preferTags.size > 0 && (candidate.item.tags ?? []).some((tag) => signals.preferTags.has(tag))) factor *= 1.15;
    const owned = signals.owned.has(candidate.key);
    if (signals.novelty === 'new' && owned) factor *= 0.3;
    if (signals.novelty === 'familiar' && !owned) factor *= 0.5;
    factor *= 0.75 ** (ignored.get(candidate.key) ?? 0);
    if (accepted.has(candidate.key)) factor *= 1.1;
    let score = sum * factor;
    if (signals.demoteWithout && !candidate.parts.has(signals.demoteWithout)) score *= 0.2;
    best.offer(candidate, score, main);
  }
  return best.ranked();
}

const before = (a: Scored, b: Scored) => b.score - a.score || (a.candidate.key < b.candidate.key ? -1 : 1);

/**
 * The best `keep` candidates by score (ties by key), kept in a sorted array: a candidate is allocated only when it
 * gets in, so scoring hundreds of candidates for a handful of answers makes little garbage.
 */
class BestScored {
  private readonly list: Scored[] = [];

  constructor(private readonly keep: number) {}

  offer(candidate: Candidate, score: number, main: Scored['main']): void {
    const { list } = this;
    if (list.length >= this.keep) {
      const worst = list[list.length - 1]!;
      if (score < worst.score || (score === worst.score && !(candidate.key < worst.candidate.key))) return;
    }
    const entry: Scored = { candidate, score, main };
    let at = list.length;
    while (at > 0 && before(entry, list[at - 1]!) < 0) at -= 1;
    list.splice(at, 0, entry);
    if (list.length > this.keep) list.pop();
  }

  ranked(): Scored[] {
    return this.list;
  }
}

/** How many of the best-scored candidates diversification chooses among. */
export function diversifyPool(limit: number): number {
  return Math.max(limit * 6, 30);
}

/**
 * Maximal marginal relevance: repeatedly takes the candidate with the best mix of relevance and dissimilarity
 * to what is already chosen (embedding cosine; the same leaf category counts as 0.9 similar), and caps items per
 * leaf category so five yoghurts never fill a list (unless `perCategory` is Infinity: the shopper asked for one).
 */
export function diversify(scored: readonly Scored[], catalog: CatalogIndex, limit: number,
  options: { lambda?: number; perCategory?: number } = {}): Scored[] {
  const lambda = options.lambda ?? 0.75;
  const cap = options.perCategory ?? Math.max(2, Math.ceil(limit / 3));
  const pool = scored.slice(0, diversifyPool(limit));
  const top = pool[0]?.score ?? 1;
  const chosen: Scored[] = [];
  const perLeaf = new Map<string, number>();
  const maxSim = new Float64Array(pool.length);
  const used = new Uint8Array(pool.length);
  // Each pool member's embedding and squared norm, looked up once (not once per pick).
  const rows = pool.map((s) => catalog.rowOf.get(s.candidate.key)!);
  const vectors = rows.map((row) => catalog.embeddingAt(row));
  const squares = Float64Array.from(rows, (row) => catalog.squares[row]!);
  while (chosen.length < limit) {
    let best = -1; let bestValue = -Infinity;
    for (let i = 0; i < pool.length; i += 1) {
      if (used[i]) continue;
      if ((perLeaf.get(pool[i]!.candidate.item.category) ?? 0) >= cap) continue;
      const value = lambda * (pool[i]!.score / top) - (1 - lambda) * maxSim[i]!;
      if (value > bestValue) { bestValue = value; best = i; }
    }
    if (best < 0) break;
    used[best] = 1;
    const pick = pool[best]!;
    chosen.push(pick);
    perLeaf.set(pick.candidate.item.category, (perLeaf.get(pick.candidate.item.category) ?? 0) + 1);
    const vector = vectors[best]!;
    for (let i = 0; i < pool.length; i += 1) {
      if (used[i]) continue;
      const other = pool[i]!.candidate;
      const similarity = Math.max(other.item.category === pick.candidate.item.category ? 0.9 : 0,
        cosineWithSquares(vector, squares[best]!, vectors[i]!, squares[i]!));
      if (similarity > maxSim[i]!) maxSim[i] = similarity;
    }
  }
  return chosen;
}

/** The cosine of two vectors given their squared norms (summed in the same order as `cosine`: same result). */
function cosineWithSquares(a: Float32Array, na: number, b: Float32Array, nb: number): number {
  let dot = 0;
  for (let i = 0; i < a.length; i += 1) dot += a[i]! * b[i]!;
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}
