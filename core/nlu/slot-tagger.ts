import { createRandom, shuffle } from './hashing.ts';
import type { ModelArray } from './model-codec.ts';

/** A training sentence for the tagger: per-token feature hashes and gold tag indices. */
export interface TaggerExample {
  features: Uint32Array[];
  tags: Int32Array;
}

/** How the tagger trains. */
export interface TaggerTrainOptions {
  seed?: number;
  epochs?: number;
  /** log2 of the weight table size; chosen from the data size when omitted. */
  tableBits?: number;
}

const TAG_MIX = 0x9e3779b1;

/**
 * An averaged structured perceptron over BIO tags with first-order transitions and BIO-constrained Viterbi.
 * Tag 0 is O; slot type t has B = 2t+1 and I = 2t+2.
 */
export class SlotTagger {
  private readonly mask: number;
  private readonly tagKeys: Int32Array;

  constructor(
    readonly types: string[],
    readonly weights: Float32Array,
    readonly transitions: Float32Array,
  ) {
    this.mask = weights.length - 1;
    this.tagKeys = Int32Array.from({ length: this.tagCount }, (_, t) => Math.imul(t + 1, TAG_MIX));
  }

  /** Number of tags (O plus B and I per type). */
  get tagCount(): number {
    return this.types.length * 2 + 1;
  }

  /** The tag name of an index ("O", "B-product", "I-product"). */
  tagName(tag: number): string {
    if (tag === 0) return 'O';
    return `${tag % 2 === 1 ? 'B' : 'I'}-${this.types[(tag - 1) >> 1]}`;
  }

  /** Trains on sentences; deterministic for a seed. */
  static train(types: string[], examples: readonly TaggerExample[], options: TaggerTrainOptions = {}): SlotTagger {
    const instances = examples.reduce((n, e) => n + e.features.length, 0);
    const bits = options.tableBits ?? (instances > 20_000 ? 21 : instances > 3000 ? 19 : 17);
    const size = 1 << bits;
    const n = types.length * 2 + 1;
    const tagger = new SlotTagger(types, new Float32Array(size), new Float32Array((n + 1) * n));
    tagger.fit(examples, options);
    return tagger;
  }

  private fit(examples: readonly TaggerExample[], options: TaggerTrainOptions): void {
    const random = createRandom(options.seed ?? 11);
    const order = examples.map((_, i) => i);
    const epochs = options.epochs ?? (examples.length > 8000 ? 8 : 12);
    const wSum = new Float32Array(this.weights.length);
    const tSum = new Float32Array(this.transitions.length);
    let step = 1;
    for (let epoch = 0; epoch < epochs; epoch++) {
      shuffle(order, random);
      for (const i of order) {
        const e = examples[i] as TaggerExample;
        const predicted = this.decode(e.features);
        if (!sameTags(predicted, e.tags)) this.update(e, predicted, step, wSum, tSum);
        step++;
      }
    }
    for (let i = 0; i < this.weights.length; i++) this.weights[i] = (this.weights[i] as number) - (wSum[i] as number) / step;
    for (let i = 0; i < this.transitions.length; i++) {
      this.transitions[i] = (this.transitions[i] as number) - (tSum[i] as number) / step;
    }
  }

  private update(e: TaggerExample, predicted: Int32Array, step: number, wSum: Float32Array, tSum: Float32Array): void {
    const n = this.tagCount;
    let prevGold = n;
    let prevPred = n;
    e.features.forEach((feats, pos) => {
      const gold = e.tags[pos] as number;
      const pred = predicted[pos] as number;
      if (gold !== pred) {
        for (const h of feats) {
          this.bump(h, gold, 1, step, wSum);
          this.bump(h, pred, -1, step, wSum);
        }
      }
      if (gold !== pred || prevGold !== prevPred) {
        const g = prevGold * n + gold;
        const p = prevPred * n + pred;
        this.transitions[g] = (this.transitions[g] as number) + 1;
        tSum[g] = (tSum[g] as number) + step;
        this.transitions[p] = (this.transitions[p] as number) - 1;
        tSum[p] = (tSum[p] as number) - step;
      }
      prevGold = gold;
      prevPred = pred;
    });
  }

  private bump(h: number, tag: number, delta: number, step: number, wSum: Float32Array): void {
    const i = (h ^ (this.tagKeys[tag] as number)) & this.mask;
    this.weights[i] = (this.weights[i] as number) + delta;
    wSum[i] = (wSum[i] as number) + delta * step;
  }

  /** The best BIO-valid tag sequence for a sentence's features. */
  decode(features: readonly Uint32Array[]): Int32Array {
    const len = features.length;
    const n = this.tagCount;
    const out = new Int32Array(len);
    if (len === 0) return out;
    const score = new Float64Array(len * n);
    const back = new Int32Array(len * n);
    const emit = new Float64Array(n);
    for (let pos = 0; pos < len; pos++) {
      this.emissions(features[pos] as Uint32Array, emit);
      for (let cur = 0; cur < n; cur++) {
        const isInside = cur > 0 && cur % 2 === 0;
        if (pos === 0) {
          score[cur] = isInside ? -Infinity : (emit[cur] as number) + (this.transitions[n * n + cur] as number);
          continue;
        }
        let best = -Infinity;
        let arg = 0;
        const base = (pos - 1) * n;
        for (let prev = 0; prev < n; prev++) {
          // BIO: I-x may only follow B-x or I-x.
          if (isInside && prev !== cur && prev !== cur - 1) continue;
          const s = (score[base + prev] as number) + (this.transitions[prev * n + cur] as number);
          if (s > best) {
            best = s;
            arg = prev;
          }
        }
        score[pos * n + cur] = best + (emit[cur] as number);
        back[pos * n + cur] = arg;
      }
    }
    let best = -Infinity;
    let arg = 0;
    for (let cur = 0; cur < n; cur++) {
      const s = score[(len - 1) * n + cur] as number;
      if (s > best) {
        best = s;
        arg = cur;
      }
    }
    for (let pos = len - 1; pos >= 0; pos--) {
      out[pos] = arg;
      arg = back[pos * n + arg] as number;
    }
    return out;
  }

  private emissions(feats: Uint32Array, out: Float64Array): void {
    const n = this.tagCount;
    out.fill(0);
    for (const h of feats) {
      for (let t = 0; t < n; t++) out[t] = (out[t] as number) + (this.weights[(h ^ (this.tagKeys[t] as number)) & this.mask] as number);
    }
  }

  /** The arrays and header for the model codec. */
  toParts(): { header: { types: string[]; tableBits: number }; arrays: Record<string, ModelArray> } {
    return {
      header: { types: this.types, tableBits: Math.log2(this.weights.length) },
      arrays: { weights: this.weights, transitions: this.transitions },
    };
  }

  /** Rebuilds a tagger from {@link toParts} output. */
  static fromParts(header: { types: string[] }, arrays: Record<string, ModelArray>): SlotTagger {
    return new SlotTagger(header.types, arrays.weights as Float32Array, arrays.transitions as Float32Array);
  }
}

function sameTags(a: Int32Array, b: Int32Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Converts a decoded tag sequence into [type, firstToken, lastToken] runs. */
export function tagRuns(tagger: SlotTagger, tags: Int32Array): { type: string; from: number; to: number }[] {
  const runs: { type: string; from: number; to: number }[] = [];
  tags.forEach((tag, i) => {
    if (tag === 0) return;
    const type = tagger.types[(tag - 1) >> 1] as string;
    const last = runs.at(-1);
    if (tag % 2 === 0 && last && last.type === type && last.to === i - 1) last.to = i;
    else runs.push({ type, from: i, to: i });
  });
  return runs;
}
