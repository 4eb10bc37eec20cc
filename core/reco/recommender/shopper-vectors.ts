import type { TimeSlicer } from '../../time-slicer.ts';
import type { VectorIndex, VectorRecord } from '../vector/vector-index.ts';
import type { CatalogIndex } from './catalog-index.ts';
import type { InteractionSnapshot } from './interaction-model.ts';

/**
 * Writes each observed shopper's taste vector (the repeat-weighted mean of the embeddings of what they buy) to
 * the index as a `shopper` vector, so production deployments can find similar shoppers in Pinecone. Erasure
 * removes them with `deleteByShopper`.
 */
export async function storeShopperVectors(index: VectorIndex, model: InteractionSnapshot, catalog: CatalogIndex,
  slicer?: TimeSlicer): Promise<void> {
  const d = catalog.embedder.dimensions;
  if (d !== index.dimensions) return;
  const records: VectorRecord[] = [];
  for (let row = 0; row < model.shopperIds.length; row += 1) {
    const shopperId = model.shopperIds[row]!;
    const vector = model.vectors[row]!;
    const taste = new Float32Array(d);
    let any = false;
    vector.idx.forEach((item, j) => {
      const embedding = catalog.embedding(model.vocabulary.ids[item]!);
      if (!embedding) return;
      any = true;
      for (let i = 0; i < d; i += 1) taste[i]! += vector.val[j]! * embedding[i]!;
    });
    if (any) records.push({ id: `shopper:${shopperId}`, values: taste, metadata: { kind: 'shopper', shopperId } });
    if (slicer?.due()) await slicer.pause();
  }
  for (let start = 0; start < records.length; start += 500) {
    await index.upsert(records.slice(start, start + 500));
    await slicer?.pause();
  }
}
