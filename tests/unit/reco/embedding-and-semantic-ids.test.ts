import { describe, expect, it } from 'vitest';
import { generateDemoData } from '../../../bots/demo-data/index.ts';
import { SpellingCorrector } from '../../../core/reco/embedding/spelling.ts';
import { TfidfEmbedder } from '../../../core/reco/embedding/tfidf-embedder.ts';
import { searchableText } from '../../../core/reco/recommender/catalog-index.ts';
import { SemanticIds } from '../../../core/reco/semantic-ids.ts';

const items = generateDemoData({ seed: 1, shoppers: 0 }).items;
const texts = items.map(searchableText);
const embedder = new TfidfEmbedder(texts);

function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0; let na = 0; let nb = 0;
  for (let i = 0; i < a.length; i += 1) { dot += a[i]! * b[i]!; na += a[i]! ** 2; nb += b[i]! ** 2; }
  return dot / Math.sqrt(na * nb);
}

describe('TfidfEmbedder', () => {
  it('treats inflected forms, ё/е and small typos as the same word', () => {
    const milk = embedder.embedOne('молоко');
    expect(cosine(milk, embedder.embedOne('молока'))).toBeGreaterThan(0.9);
    expect(cosine(embedder.embedOne('тёплый плед'), embedder.embedOne('теплый плед'))).toBeCloseTo(1, 5);
    // Character 3-grams keep a typo close in the exact TF-IDF space (the dense projection adds noise of about
    // ±0.1 between unrelated short texts, which is why search re-ranks on the sparse vectors).
    const sparseMilk = embedder.sparse('молоко');
    expect(TfidfEmbedder.sparseCosine(sparseMilk, embedder.sparse('малоко'))).toBeGreaterThan(0.05);
    expect(TfidfEmbedder.sparseCosine(sparseMilk, embedder.sparse('кефир'))).toBe(0);
    expect(cosine(milk, embedder.embedOne('молоко'))).toBeCloseTo(1, 5);
  });

  it('is deterministic for a seed and has the requested dimension', () => {
    const again = new TfidfEmbedder(texts);
    expect(Array.from(again.embedOne('йогурт клубничный'))).toEqual(Array.from(embedder.embedOne('йогурт клубничный')));
    expect(new TfidfEmbedder(texts, { dimensions: 64 }).embedOne('x')).toHaveLength(64);
  });

  it('keeps exact TF-IDF cosines for re-ranking', () => {
    const a = embedder.sparse('кефир простоквашино');
    expect(TfidfEmbedder.sparseCosine(a, a)).toBeCloseTo(1, 5);
    expect(TfidfEmbedder.sparseCosine(a, embedder.sparse('смартфон'))).toBe(0);
  });
});

describe('SpellingCorrector', () => {
  const speller = new SpellingCorrector(texts);
  it('corrects one-edit typos to catalog words and leaves known or short words alone', () => {
    expect(speller.correct('малоко')).toBe('молоко');
    expect(speller.correct('нушники')).toBe('наушники');
    expect(speller.correct('молоко')).toBeUndefined();
    expect(speller.correct('газа')).toBeUndefined();
    expect(speller.expand('сметанна')).toBe('сметанна сметана');
  });
});

describe('SemanticIds', () => {
  const ids = items.map((item) => `${item.service}:${item.id}`);
  const d = embedder.dimensions;
  const data = new Float32Array(items.length * d);
  texts.forEach((text, row) => data.set(embedder.embedOne(text), row * d));
  const semantic = SemanticIds.build(ids, data, d);

  it('gives every item a unique short code that maps back to it', () => {
    const codes = ids.map((id) => semantic.codeOf(id)!);
    expect(new Set(codes).size).toBe(ids.length);
    for (const [i, code] of codes.entries()) {
      expect(code).toMatch(/^c\d+(-\d+){2,3}$/);
      expect(semantic.idOf(code)).toBe(ids[i]);
    }
    expect(semantic.idsWithPrefix(SemanticIds.prefix(codes[0]!, 1))).toContain(ids[0]);
  });

  it('puts similar items under a shared prefix (coarse-to-fine)', () => {
    const sameCategory = (a: number, b: number) => items[a]!.category === items[b]!.category;
    let prefixSame = 0; let prefixPairs = 0; let randomSame = 0;
    for (let row = 0; row < items.length; row += 7) {
      const group = semantic.idsWithPrefix(SemanticIds.prefix(semantic.codeOf(ids[row]!)!, 2));
      for (const other of group.slice(0, 5)) {
        const j = ids.indexOf(other);
        if (j === row) continue;
        prefixPairs += 1;
        if (sameCategory(row, j)) prefixSame += 1;
      }
      if (sameCategory(row, (row * 7919 + 13) % items.length)) randomSame += 1;
    }
    const randomRate = randomSame / Math.ceil(items.length / 7);
    expect(prefixSame / prefixPairs).toBeGreaterThan(0.6);
    expect(prefixSame / prefixPairs).toBeGreaterThan(5 * randomRate);
  });

  it('encodes a new vector into the same space', () => {
    const code = semantic.encode(embedder.embedOne(texts[0]!));
    expect(semantic.codeOf(ids[0]!)!.startsWith(code)).toBe(true);
  });
});
