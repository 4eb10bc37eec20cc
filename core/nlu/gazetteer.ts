import { deletes, editDistance } from './edit-distance.ts';
import { tokenize } from './text.ts';
import type { Token } from './text.ts';

/** A catalog term: every phrase (inflected forms, synonyms) maps to one typed value such as a brand or category id. */
export interface GazetteerEntry {
  type: string;
  value: string;
  phrases: string[];
}

/** A gazetteer hit over tokens [from, to]. */
export interface GazetteerMatch {
  type: string;
  value: string;
  from: number;
  to: number;
  /** Summed edit distance of the fuzzy words (0 = exact after stemming). */
  cost: number;
}

/** Options of the gazetteer index. */
export interface GazetteerOptions {
  /** Stems of everyday words (from training phrases); they never match fuzzily ("молодой" is not a typo of "молоко"). */
  commonWords?: ReadonlySet<string>;
}

interface TrieNode {
  next: Map<number, TrieNode>;
  entries: number[];
}

/** The largest typo allowed for a stem of this length. */
export function maxTypos(length: number): number {
  if (length < 4) return 0;
  return length < 8 ? 1 : 2;
}

/**
 * Matches catalog terms through inflection (by Snowball stems) and small typos (SymSpell-style delete index with an
 * edit-distance check), preferring the longest phrase.
 */
export class Gazetteer {
  private readonly vocab = new Map<string, number>();
  private readonly words: string[] = [];
  private readonly deleteIndex = new Map<string, number[]>();
  private readonly root: TrieNode = { next: new Map(), entries: [] };
  private readonly cache = new Map<string, [number, number][]>();
  private readonly common: ReadonlySet<string>;

  constructor(readonly entries: readonly GazetteerEntry[], options: GazetteerOptions = {}) {
    this.common = options.commonWords ?? new Set();
    entries.forEach((entry, index) => {
      for (const phrase of entry.phrases) this.addPhrase(phrase, index);
    });
  }

  /** Number of distinct words indexed. */
  get size(): number {
    return this.words.length;
  }

  private addPhrase(phrase: string, entry: number): void {
    const stems = tokenize(phrase).filter((t) => t.kind !== 'punct').map((t) => t.stem);
    if (stems.length === 0) return;
    let node = this.root;
    for (const s of stems) {
      const id = this.wordId(s);
      let child = node.next.get(id);
      if (!child) {
        child = { next: new Map(), entries: [] };
        node.next.set(id, child);
      }
      node = child;
    }
    if (!node.entries.includes(entry)) node.entries.push(entry);
  }

  private wordId(word: string): number {
    let id = this.vocab.get(word);
    if (id !== undefined) return id;
    id = this.words.length;
    this.vocab.set(word, id);
    this.words.push(word);
    for (const del of deletes(word, maxTypos(word.length))) {
      const list = this.deleteIndex.get(del);
      if (list) list.push(id);
      else this.deleteIndex.set(del, [id]);
    }
    return id;
  }

  /** Vocabulary words within the allowed edit distance of a stem, with their distances. */
  candidates(stem: string): [number, number][] {
    const cached = this.cache.get(stem);
    if (cached) return cached;
    const out: [number, number][] = [];
    const exact = this.vocab.get(stem);
    if (exact !== undefined) out.push([exact, 0]);
    const budget = this.common.has(stem) || /\d/.test(stem) ? 0 : maxTypos(stem.length);
    if (budget > 0) {
      const seen = new Set<number>(exact === undefined ? [] : [exact]);
      for (const del of deletes(stem, budget)) {
        for (const id of this.deleteIndex.get(del) ?? []) {
          if (seen.has(id)) continue;
          seen.add(id);
          const word = this.words[id] as string;
          const max = Math.min(budget, maxTypos(word.length));
          // Typos rarely hit the first letter; requiring it keeps fuzzy matches precise.
          if (max === 0 || word[0] !== stem[0]) continue;
          const d = editDistance(stem, word, max);
          if (d <= max) out.push([id, d]);
        }
      }
    }
    if (this.cache.size > 20_000) this.cache.clear();
    this.cache.set(stem, out);
    return out;
  }

  /** Non-overlapping matches, longest first, left to right. */
  find(tokens: readonly Token[]): GazetteerMatch[] {
    const out: GazetteerMatch[] = [];
    let i = 0;
    while (i < tokens.length) {
      const best = this.longestAt(tokens, i);
      if (best) {
        out.push(best);
        i = best.to + 1;
      } else i++;
    }
    return out;
  }

  private longestAt(tokens: readonly Token[], i: number): GazetteerMatch | undefined {
    let best: GazetteerMatch | undefined;
    const walk = (node: TrieNode, j: number, cost: number): void => {
      if (node !== this.root && node.entries.length > 0) {
        const entry = this.entries[node.entries[0] as number] as GazetteerEntry;
        const better = !best || j - 1 > best.to || (j - 1 === best.to && cost < best.cost);
        if (better) best = { type: entry.type, value: entry.value, from: i, to: j - 1, cost };
      }
      const token = tokens[j];
      if (!token || token.kind === 'punct') return;
      for (const [id, d] of this.candidates(token.stem)) {
        const child = node.next.get(id);
        if (child) walk(child, j + 1, cost + d);
      }
    };
    walk(this.root, i, 0);
    return best;
  }
}
