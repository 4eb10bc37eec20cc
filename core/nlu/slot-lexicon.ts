import type { LabelledUtterance } from './labelled.ts';
import type { SpanHint } from './tagger-features.ts';
import type { Token } from './text.ts';

/** One remembered slot value: its folded words, its slot type and how reliably those words were that slot. */
export interface LexiconEntry {
  words: string;
  type: string;
  /** 0: the words were that slot in under a third of their occurrences, 1: under two thirds, 2: more often. */
  reliability: number;
}

const MAX_WORDS = 8;
const SEP = '\u0001';

/**
 * The slot values seen in training ("spotify" was a service, "new york" a city), matched in new messages and offered
 * to the tagger as hints, with how often the same words were that slot in training. This is the classic gazetteer
 * feature of data-driven NLU, built from the data set itself rather than a catalog.
 */
export class SlotLexicon {
  private readonly byKey: Map<string, { type: string; reliability: number }[]>;
  private readonly firstWords: Set<string>;

  constructor(readonly entries: readonly LexiconEntry[]) {
    this.byKey = new Map();
    this.firstWords = new Set();
    for (const e of entries) {
      const key = e.words.split(' ').join(SEP);
      const list = this.byKey.get(key) ?? [];
      list.push({ type: e.type, reliability: e.reliability });
      this.byKey.set(key, list);
      this.firstWords.add(e.words.split(' ')[0] as string);
    }
  }

  /** Collects the slot values of labelled, tokenized utterances. */
  static build(utterances: readonly LabelledUtterance[], tokenized: readonly (readonly Token[])[]): SlotLexicon {
    const labelled = new Map<string, Map<string, number>>();
    utterances.forEach((u, i) => {
      const tokens = tokenized[i] as readonly Token[];
      for (const slot of u.slots) {
        const words = tokens.filter((t) => t.kind !== 'punct' && t.start < slot.end && t.end > slot.start).map((t) => t.norm);
        if (words.length === 0 || words.length > MAX_WORDS) continue;
        const key = words.join(SEP);
        const types = labelled.get(key) ?? new Map<string, number>();
        types.set(slot.type, (types.get(slot.type) ?? 0) + 1);
        labelled.set(key, types);
      }
    });
    const seen = countOccurrences(tokenized, labelled);
    const entries: LexiconEntry[] = [];
    for (const [key, types] of labelled) {
      const total = Math.max(seen.get(key) ?? 0, 1);
      for (const [type, count] of types) {
        const ratio = count / total;
        entries.push({ words: key.split(SEP).join(' '), type, reliability: ratio < 1 / 3 ? 0 : ratio < 2 / 3 ? 1 : 2 });
      }
    }
    return new SlotLexicon(entries);
  }

  /** Every stretch of the message that is a remembered value, as `lex:<type>:<reliability>` hints. */
  find(tokens: readonly Token[]): SpanHint[] {
    const hints: SpanHint[] = [];
    for (let i = 0; i < tokens.length; i++) {
      if (!this.firstWords.has((tokens[i] as Token).norm)) continue;
      let key = '';
      for (let j = i; j < tokens.length && j < i + MAX_WORDS; j++) {
        const t = tokens[j] as Token;
        if (t.kind === 'punct') break;
        key = j === i ? t.norm : key + SEP + t.norm;
        const found = this.byKey.get(key);
        if (!found) continue;
        for (const f of found) hints.push({ type: `lex:${f.type}:${f.reliability}`, start: (tokens[i] as Token).start, end: t.end });
      }
    }
    return hints;
  }
}

// How often each remembered value occurs as a run of words anywhere in the training text, slot or not.
function countOccurrences(tokenized: readonly (readonly Token[])[], values: ReadonlyMap<string, unknown>): Map<string, number> {
  const firstWords = new Set([...values.keys()].map((k) => k.split(SEP)[0] as string));
  const counts = new Map<string, number>();
  for (const tokens of tokenized) {
    for (let i = 0; i < tokens.length; i++) {
      if (!firstWords.has((tokens[i] as Token).norm)) continue;
      let key = '';
      for (let j = i; j < tokens.length && j < i + MAX_WORDS; j++) {
        key = j === i ? (tokens[j] as Token).norm : key + SEP + (tokens[j] as Token).norm;
        if (values.has(key)) counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
  }
  return counts;
}
