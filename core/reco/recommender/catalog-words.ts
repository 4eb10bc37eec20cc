import { derivationalRoot } from '../../nlu/derivation.ts';
import { wordFeatureId } from '../embedding/text-features.ts';

/**
 * Every catalog row's distinct folded words as ids into one vocabulary (each id naming a word and its stem), in
 * compressed rows: per-query word matching can then be decided once per vocabulary word instead of once per
 * word of every candidate row.
 */
export class CatalogWords {
  /** Vocabulary: the folded word, its stem and its derivational root ({@link derivationalRoot}) of each id. */
  readonly words: string[] = [];
  readonly stems: string[] = [];
  readonly roots: string[] = [];
  /**
   * The distinct stems of each root ("мол": молок, молочн), with their word-feature ids: the derived forms of a word
   * the catalog has.
   */
  readonly families = new Map<string, { stems: string[]; features: number[] }>();
  /** Row `r`'s word ids are `ids[offsets[r] .. offsets[r + 1])`, in the order of the row's words. */
  readonly offsets: Int32Array;
  readonly ids: Int32Array;

  constructor(rows: number, wordsOfRow: (row: number) => { words: readonly string[]; stems: readonly string[] }) {
    const idOf = new Map<string, number>();
    const ids: number[] = [];
    this.offsets = new Int32Array(rows + 1);
    for (let row = 0; row < rows; row += 1) {
      const { words, stems } = wordsOfRow(row);
      for (let k = 0; k < words.length; k += 1) {
        let id = idOf.get(words[k]!);
        if (id === undefined) {
          id = this.words.length;
          idOf.set(words[k]!, id);
          this.words.push(words[k]!);
          this.stems.push(stems[k]!);
          this.roots.push(derivationalRoot(stems[k]!));
        }
        ids.push(id);
      }
      this.offsets[row + 1] = ids.length;
    }
    this.ids = Int32Array.from(ids);
    this.collectFamilies();
  }

  private collectFamilies(): void {
    const byRoot = new Map<string, Set<string>>();
    for (let id = 0; id < this.stems.length; id += 1) {
      const root = this.roots[id]!;
      let members = byRoot.get(root);
      if (!members) byRoot.set(root, (members = new Set()));
      members.add(this.stems[id]!);
    }
    // Single-stem roots too: a query word the catalog lacks ("гречка" where only "гречневая" is sold) needs them.
    for (const [root, members] of byRoot) this.families.set(root, { stems: [...members], features: [...members].map(wordFeatureId) });
  }

  get size(): number {
    return this.words.length;
  }
}
