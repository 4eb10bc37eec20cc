import type { InternedUser } from './interned.ts';
import type { CoOccurrence, NeighbourIndex, SparseVector } from './user-vectors.ts';
import { decayedVector } from './user-vectors.ts';
import type { WorldStats } from './world-stats.ts';
import { recentPopular, recentShare } from './world-stats.ts';

const DAY = 86_400_000;

/** Everything candidate features are computed from: one "world" of histories. */
export interface FeatureWorld {
  stats: WorldStats;
  neighbours: NeighbourIndex;
  /** Slow-decay repeat vectors of the world's users (the neighbour index's rows). */
  vectors: readonly SparseVector[];
  cooc: CoOccurrence;
}

/** Knobs of candidate generation and features, tuned on the validation split. */
export interface FeatureOptions {
  fastDecay: number;
  slowDecay: number;
  neighbours: number;
  recentWeeks: number;
  poolSize: number;
}

export const DEFAULT_FEATURE_OPTIONS: FeatureOptions = {
  fastDecay: 0.6, slowDecay: 0.9, neighbours: 100, recentWeeks: 4, poolSize: 30,
};

/** Names of the features, in column order (for reports and model inspection). */
export const FEATURE_NAMES = [
  'pFast', 'pSlow', 'ratio', 'logCount', 'recency', 'inLast', 'dueDays', 'logElapsedOverCycle', 'dueBaskets',
  'hasCycle', 'nnTop10', 'nnAll', 'cooc', 'pop', 'popRecent', 'itemRepeat', 'bought', 'logBaskets',
  'userRepeat', 'pSlowXUserRepeat', 'popXNovelty', 'nnXBought', 'itemRepeatXBought', 'pSlowXLogBaskets',
] as const;

/** Candidates of one user and their feature rows (row-major, FEATURE_NAMES.length columns). */
export interface CandidateFeatures {
  items: Int32Array;
  rows: Float64Array;
}

interface PersonalItem { count: number; last: number; lastTs: number; gaps: number[]; gapsDays: number[]; prevB: number }

function personalStats(user: InternedUser): Map<number, PersonalItem> {
  const stats = new Map<number, PersonalItem>();
  user.baskets.forEach((basket, b) => {
    const ts = user.ts[b]!;
    for (const item of basket) {
      const entry = stats.get(item);
      if (!entry) { stats.set(item, { count: 1, last: b, lastTs: ts, gaps: [], gapsDays: [], prevB: b }); continue; }
      entry.gaps.push(b - entry.last);
      if (!Number.isNaN(ts) && !Number.isNaN(entry.lastTs)) entry.gapsDays.push((ts - entry.lastTs) / DAY);
      entry.count += 1; entry.last = b; entry.lastTs = ts;
    }
  });
  return stats;
}

/** The repeat share of a history: how many of the items in baskets 2..n had been bought before. */
function userRepeatRate(user: InternedUser): number {
  const seen = new Set<number>();
  let repeats = 0; let total = 0;
  user.baskets.forEach((basket, b) => {
    for (const item of basket) { if (b > 0) { total += 1; if (seen.has(item)) repeats += 1; } }
    for (const item of basket) seen.add(item);
  });
  return (repeats + 0.3 * 2) / (total + 2);
}

/** When the next basket happens, estimated from the history alone (never from the target). */
export function estimateNow(user: InternedUser, stats: WorldStats): number {
  const n = user.ts.length;
  const last = n ? user.ts[n - 1]! : Number.NaN;
  if (Number.isNaN(last)) return Number.NaN;
  const gaps: number[] = [];
  for (let b = 1; b < n; b += 1) gaps.push(user.ts[b]! - user.ts[b - 1]!);
  gaps.sort((a, b) => a - b);
  const gap = gaps.length >= 2 ? gaps[gaps.length >> 1]! : Number.isNaN(stats.medianGapMs) ? 7 * DAY : stats.medianGapMs;
  return last + Math.max(gap, 0);
}

function neighbourScores(world: FeatureWorld, query: SparseVector, self: number, k: number):
  { top10: Map<number, number>; all: Map<number, number>; } {
  const nearest = world.neighbours.nearest(query, k, self);
  const top10 = new Map<number, number>();
  const all = new Map<number, number>();
  let weight10 = 0;
  nearest.forEach(([user, similarity], rank) => {
    const vector = world.vectors[user]!;
    if (rank < 10) weight10 += similarity;
    for (let j = 0; j < vector.idx.length; j += 1) {
      const item = vector.idx[j]!;
      all.set(item, (all.get(item) ?? 0) + vector.val[j]! / Math.max(1, nearest.length));
      if (rank < 10) top10.set(item, (top10.get(item) ?? 0) + similarity * vector.val[j]!);
    }
  });
  if (weight10 > 0) for (const [item, value] of top10) top10.set(item, value / weight10);
  return { top10, all };
}

function topOf(scores: Map<number, number>, limit: number): number[] {
  return [...scores.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, limit).map(([item]) => item);
}

/**
 * Generates the candidates of one user (their own items, neighbours' items, co-occurrence neighbours of their
 * items, overall and recent popularity) with one feature row each. `self` is the user's row in the world's
 * neighbour index (or -1).
 */
export function candidateFeatures(world: FeatureWorld, user: InternedUser, self: number,
  options: FeatureOptions = DEFAULT_FEATURE_OPTIONS): CandidateFeatures {
  const { stats } = world;
  const n = user.baskets.length;
  const fast = decayedVector(user, options.fastDecay);
  const slow = decayedVector(user, options.slowDecay);
  const fastMap = new Map<number, number>(); fast.idx.forEach((item, k) => fastMap.set(item, fast.val[k]!));
  const slowMap = new Map<number, number>(); slow.idx.forEach((item, k) => slowMap.set(item, slow.val[k]!));
  const personal = personalStats(user);
  const nn = n ? neighbourScores(world, slow, self, options.neighbours) : { top10: new Map(), all: new Map() };
  const cooc = new Map<number, number>();
  for (const [item, weight] of slowMap) {
    const neighbours = world.cooc.neighbours[item];
    if (!neighbours) continue;
    const weights = world.cooc.weights[item]!;
    neighbours.forEach((other, k) => cooc.set(other, (cooc.get(other) ?? 0) + weight * weights[k]!));
  }
  const now = estimateNow(user, stats);
  const candidates = new Set<number>(personal.keys());
  for (const item of topOf(nn.all, options.poolSize)) candidates.add(item);
  for (const item of topOf(nn.top10, options.poolSize)) candidates.add(item);
  for (const item of topOf(cooc, options.poolSize)) candidates.add(item);
  for (const item of stats.popular.subarray(0, options.poolSize)) candidates.add(item);
  for (const item of recentPopular(stats, now, options.recentWeeks, options.poolSize)) candidates.add(item);
  const items = Int32Array.from(candidates);
  const width = FEATURE_NAMES.length;
  const rows = new Float64Array(items.length * width);
  const logBaskets = Math.log1p(n);
  const repeat = userRepeatRate(user);
  const logMax = Math.log1p(stats.maxFrequency);
  items.forEach((item, r) => {
    const p = personal.get(item);
    const row = rows.subarray(r * width, (r + 1) * width);
    const pSlow = slowMap.get(item) ?? 0;
    const bought = p ? 1 : 0;
    let dueDays = 0; let logElapsed = 0; let dueBaskets = 0;
    if (p && p.gaps.length > 0) {
      const gapB = p.gaps.reduce((a, b) => a + b, 0) / p.gaps.length;
      dueBaskets = Math.exp(-0.5 * ((n - p.last - gapB) / Math.max(0.5 * gapB, 0.5)) ** 2);
      if (p.gapsDays.length > 0 && !Number.isNaN(now)) {
        const gapD = p.gapsDays.reduce((a, b) => a + b, 0) / p.gapsDays.length;
        const elapsed = (now - p.lastTs) / DAY;
        dueDays = Math.exp(-0.5 * ((elapsed - gapD) / Math.max(0.5 * gapD, 1)) ** 2);
        logElapsed = Math.max(-3, Math.min(3, Math.log((elapsed + 1) / (gapD + 1))));
      }
    }
    const nnAll = nn.all.get(item) ?? 0;
    const pop = Math.log1p(stats.frequency[item] ?? 0) / logMax;
    const itemRepeat = stats.repeatRate[item] ?? 0;
    row[0] = fastMap.get(item) ?? 0;
    row[1] = pSlow;
    row[2] = p ? p.count / n : 0;
    row[3] = p ? Math.log1p(p.count) : 0;
    row[4] = p ? 1 / (1 + (n - 1 - p.last)) : 0;
    row[5] = p && p.last === n - 1 ? 1 : 0;
    row[6] = dueDays;
    row[7] = logElapsed;
    row[8] = dueBaskets;
    row[9] = p && p.gaps.length > 0 ? 1 : 0;
    row[10] = nn.top10.get(item) ?? 0;
    row[11] = nnAll;
    row[12] = cooc.get(item) ?? 0;
    row[13] = pop;
    row[14] = Math.sqrt(recentShare(stats, item, now, options.recentWeeks));
    row[15] = itemRepeat;
    row[16] = bought;
    row[17] = logBaskets;
    row[18] = repeat;
    row[19] = pSlow * repeat;
    row[20] = pop * (1 - bought);
    row[21] = nnAll * bought;
    row[22] = itemRepeat * bought;
    row[23] = pSlow * logBaskets;
  });
  return { items, rows };
}
