import { createRandom } from '../random.ts';
import type { Basket, BasketHistories } from './basket-data.ts';
import type { CandidateFeatures, FeatureOptions, FeatureWorld } from './features.ts';
import { candidateFeatures, DEFAULT_FEATURE_OPTIONS, FEATURE_NAMES } from './features.ts';
import type { InternedUser } from './interned.ts';
import { ItemVocabulary, internUser, truncateUser } from './interned.ts';
import type { BoostedTrees } from './gbdt.ts';
import { fitBoostedTrees, scoreBoostedTrees } from './gbdt.ts';
import type { LogisticModel } from './logistic.ts';
import { fitLogistic, scoreLogistic } from './logistic.ts';
import { CoOccurrence, decayedVector, NeighbourIndex } from './user-vectors.ts';
import { computeWorldStats } from './world-stats.ts';

/** Options of `NextBasketModel.fit`. */
export interface NextBasketOptions {
  seed?: number;
  /** Users sampled for the validation split the ranker is trained on. */
  trainUsers?: number;
  /** Share of non-target candidates kept when training (the rest are re-weighted). */
  negativeShare?: number;
  l2?: number;
  features?: Partial<FeatureOptions>;
  /** `trees` (default): gradient-boosted trees; `logistic`: a linear ranker. */
  ranker?: 'trees' | 'logistic';
  /** Boosting rounds. Default 80. */
  trees?: number;
}

/** A trained ranker over FEATURE_NAMES rows. */
export type Ranker = { kind: 'logistic'; model: LogisticModel } | { kind: 'trees'; model: BoostedTrees };

function scoreRows(ranker: Ranker, rows: Float64Array): Float64Array {
  return ranker.kind === 'trees' ? scoreBoostedTrees(ranker.model, rows, WIDTH) : scoreLogistic(ranker.model, rows, WIDTH);
}

const WIDTH = FEATURE_NAMES.length;

function buildWorld(users: readonly InternedUser[], items: number, options: FeatureOptions): FeatureWorld {
  const stats = computeWorldStats(users, items);
  const vectors = users.map((user) => decayedVector(user, options.slowDecay));
  return { stats, vectors, neighbours: new NeighbourIndex(vectors, items), cooc: new CoOccurrence(users, items) };
}

/** A hand-set blend used when the validation split is too small to learn from. */
const FALLBACK: LogisticModel = {
  mean: new Float64Array(WIDTH), scale: new Float64Array(WIDTH).fill(1), bias: 0,
  weights: Float64Array.from(FEATURE_NAMES, (name) => ({
    pSlow: 1, pFast: 0.5, dueDays: 0.2, nnAll: 0.6, nnTop10: 0.3, cooc: 0.3, pop: 0.1, popRecent: 0.2,
  } as Record<string, number>)[name] ?? 0),
};

/**
 * The next-basket recommender: candidates from the shopper's own history, TIFUKNN neighbours, co-occurrence and
 * (recent) popularity, scored by a logistic ranker over recency-decayed frequency, repurchase-cycle timing,
 * neighbour and popularity features. The ranker is trained on a validation split of the history itself (each
 * sampled user's last basket predicted from the earlier ones), so it adapts to each data set without seeing targets.
 */
export class NextBasketModel {
  private constructor(
    private readonly vocabulary: ItemVocabulary,
    private readonly users: Map<string, number>,
    private readonly interned: InternedUser[],
    private readonly world: FeatureWorld,
    readonly ranker: Ranker,
    private readonly featureOptions: FeatureOptions,
    /** Positive and total training rows (diagnostics). */
    readonly training: { users: number; rows: number; positives: number },
  ) {}

  /** Trains on `histories` (all of it is history; no target is read). */
  static fit(histories: BasketHistories, options: NextBasketOptions = {}): NextBasketModel {
    const featureOptions = { ...DEFAULT_FEATURE_OPTIONS, ...options.features };
    const vocabulary = new ItemVocabulary();
    const interned = [...histories].map(([id, baskets]) => internUser(id, baskets, vocabulary));
    const users = new Map(interned.map((user, index) => [user.id, index]));
    const training = trainRanker(interned, vocabulary.size, featureOptions, options);
    const world = buildWorld(interned, vocabulary.size, featureOptions);
    return new NextBasketModel(vocabulary, users, interned, world, training.model, featureOptions, training.summary);
  }

  /** The top `k` items for a known user (its whole history), or for a new history given as baskets. */
  predict(user: string | readonly Basket[], k: number): string[] {
    const self = typeof user === 'string' ? this.users.get(user) ?? -1 : -1;
    const history = typeof user === 'string'
      ? (self >= 0 ? this.interned[self]! : { id: user, baskets: [], ts: new Float64Array(0) })
      : internKnown(user, this.vocabulary);
    return this.rank(candidateFeatures(this.world, history, self, this.featureOptions), k);
  }

  private rank(features: CandidateFeatures, k: number): string[] {
    const scores = scoreRows(this.ranker, features.rows);
    const order = Array.from(features.items.keys()).sort((a, b) => scores[b]! - scores[a]! || features.items[a]! - features.items[b]!);
    const out = order.slice(0, k).map((row) => this.vocabulary.ids[features.items[row]!]!);
    for (const item of this.world.stats.popular) {
      if (out.length >= k) break;
      const id = this.vocabulary.ids[item]!;
      if (!out.includes(id)) out.push(id);
    }
    return out;
  }
}

function internKnown(baskets: readonly Basket[], vocabulary: ItemVocabulary): InternedUser {
  return {
    id: '',
    baskets: baskets.map((basket) => Int32Array.from(new Set(basket.items.map((item) => vocabulary.find(item))
      .filter((index): index is number => index !== undefined)))),
    ts: Float64Array.from(baskets.map((basket) => basket.ts ?? Number.NaN)),
  };
}

function trainRanker(interned: InternedUser[], items: number, featureOptions: FeatureOptions,
  options: NextBasketOptions): { model: Ranker; summary: { users: number; rows: number; positives: number } } {
  const random = createRandom(options.seed ?? 7);
  const eligible = interned.map((user, index) => ({ user, index })).filter(({ user }) => user.baskets.length >= 2);
  for (let i = eligible.length - 1; i > 0; i -= 1) {
    const j = random.int(i + 1);
    [eligible[i], eligible[j]] = [eligible[j]!, eligible[i]!];
  }
  const sample = eligible.slice(0, options.trainUsers ?? 3000);
  const validationUsers = interned.slice();
  for (const { index } of sample) validationUsers[index] = truncateUser(interned[index]!, 1);
  const world = buildWorld(validationUsers, items, featureOptions);
  const keep = options.negativeShare ?? 0.35;
  const rows: number[] = []; const labels: number[] = []; const weights: number[] = [];
  for (const { user, index } of sample) {
    const target = new Set(user.baskets[user.baskets.length - 1]!);
    const features = candidateFeatures(world, validationUsers[index]!, index, featureOptions);
    features.items.forEach((item, r) => {
      const positive = target.has(item);
      if (!positive && random.next() >= keep) return;
      for (let c = 0; c < WIDTH; c += 1) rows.push(features.rows[r * WIDTH + c]!);
      labels.push(positive ? 1 : 0);
      weights.push(positive ? 1 : 1 / keep);
    });
  }
  const positives = labels.reduce((a, b) => a + b, 0);
  const summary = { users: sample.length, rows: labels.length, positives };
  if (positives < 20) return { model: { kind: 'logistic', model: FALLBACK }, summary };
  const data = Float64Array.from(rows);
  const targets = Uint8Array.from(labels);
  const sampleWeights = Float64Array.from(weights);
  // Trees need enough positives to find splits that generalize; small data sets get the linear ranker.
  if ((options.ranker ?? 'trees') === 'trees' && positives >= 500) {
    return { model: { kind: 'trees', model: fitBoostedTrees(data, targets, WIDTH, { trees: options.trees ?? 80, sampleWeights }) }, summary };
  }
  return { model: { kind: 'logistic', model: fitLogistic(data, targets, WIDTH, { l2: options.l2 ?? 1, sampleWeights }) }, summary };
}
