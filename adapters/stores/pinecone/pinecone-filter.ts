import type { VectorFilter, VectorMetadata } from '../../../core/reco/vector/vector-index.ts';
import { categoryLevels } from '../../../core/reco/vector/vector-index.ts';

/** Metadata as stored in Pinecone: strings, numbers, booleans and string lists only; no nulls. */
export type PineconeMetadata = Record<string, string | number | boolean | string[]>;

/**
 * Converts metadata to Pinecone's form. `available` and `tags` are always written so that `$eq`/`$nin` filters
 * behave for records that left them out; `categories` holds every level of the path because Pinecone has no
 * prefix operator.
 */
export function toPineconeMetadata(metadata: VectorMetadata): PineconeMetadata {
  const out: PineconeMetadata = { kind: metadata.kind, available: metadata.available !== false, tags: [...(metadata.tags ?? [])] };
  if (metadata.service !== undefined) out.service = metadata.service;
  if (metadata.price !== undefined) out.price = metadata.price;
  if (metadata.category !== undefined) {
    out.category = metadata.category;
    out.categories = categoryLevels(metadata.category);
  }
  if (metadata.shopperId !== undefined) out.shopperId = metadata.shopperId;
  return out;
}

/** Reads metadata written by `toPineconeMetadata` back. */
export function fromPineconeMetadata(raw: Record<string, unknown> | undefined): VectorMetadata {
  const metadata: VectorMetadata = { kind: raw?.kind === 'shopper' ? 'shopper' : 'item' };
  if (typeof raw?.service === 'string') metadata.service = raw.service as VectorMetadata['service'];
  if (typeof raw?.available === 'boolean') metadata.available = raw.available;
  if (Array.isArray(raw?.tags)) metadata.tags = raw.tags.map(String);
  if (typeof raw?.price === 'number') metadata.price = raw.price;
  if (typeof raw?.category === 'string') metadata.category = raw.category;
  if (typeof raw?.shopperId === 'string') metadata.shopperId = raw.shopperId;
  return metadata;
}

/** Translates a VectorFilter to Pinecone's filter language (`$and` of field conditions; service picks namespaces). */
export function toPineconeFilter(filter: VectorFilter = {}): Record<string, unknown> {
  const clauses: Record<string, unknown>[] = [{ kind: { $eq: filter.kind ?? 'item' } }];
  if (filter.service !== undefined) {
    clauses.push({ service: { $in: typeof filter.service === 'string' ? [filter.service] : [...filter.service] } });
  }
  if (filter.availableOnly) clauses.push({ available: { $eq: true } });
  for (const tag of filter.includeTags ?? []) clauses.push({ tags: { $in: [tag] } });
  if (filter.excludeTags && filter.excludeTags.length > 0) clauses.push({ tags: { $nin: [...filter.excludeTags] } });
  if (filter.minPrice !== undefined) clauses.push({ price: { $gte: filter.minPrice } });
  if (filter.maxPrice !== undefined) clauses.push({ price: { $lte: filter.maxPrice } });
  if (filter.category !== undefined) {
    const wanted = categoryLevels(filter.category).at(-1) ?? filter.category;
    clauses.push({ categories: { $in: [wanted] } });
  }
  if (filter.shopperId !== undefined) clauses.push({ shopperId: { $eq: filter.shopperId } });
  return clauses.length === 1 ? clauses[0]! : { $and: clauses };
}
