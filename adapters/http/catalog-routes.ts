import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { catalogItemSchema, type CatalogItem } from '../../core/catalog/catalog-item.ts';
import { SovetnikError } from '../../core/errors.ts';
import type { CatalogStore } from '../../core/stores/catalog-store.ts';
import { createApiKeyHook } from './api-key.ts';
import { parseWith } from './validation.ts';

/** Options for {@link registerCatalogRoutes}. */
export interface CatalogRoutesOptions {
  catalog: CatalogStore;
  /** The service API key (`Authorization: Bearer ...`). */
  apiKey: string;
  /** The most items one request may carry (default 5,000). */
  maxItems?: number;
  /** The largest body in bytes (default 32 MiB). */
  bodyLimit?: number;
  /** Told about upserted items (the vector index, profile refreshes). */
  onUpserted?: (items: readonly CatalogItem[]) => Promise<void>;
}

/** The default largest catalog batch. */
export const DEFAULT_MAX_CATALOG_ITEMS = 5_000;

const envelopeSchema = z.strictObject({ items: z.array(z.unknown()) });

/** `PUT /api/v1/catalog/items` `{"items": [...]}` -> `{"upserted": n}`; one invalid item rejects the request. */
export function registerCatalogRoutes(app: FastifyInstance, options: CatalogRoutesOptions): void {
  const maxItems = options.maxItems ?? DEFAULT_MAX_CATALOG_ITEMS;
  const itemsSchema = z.array(catalogItemSchema);
  app.put('/api/v1/catalog/items', { onRequest: createApiKeyHook({ apiKey: options.apiKey }), bodyLimit: options.bodyLimit ?? 32 * 1024 * 1024 }, async (request) => {
    const { items: raw } = parseWith(envelopeSchema, request.body);
    if (raw.length > maxItems) {
      throw new SovetnikError('payload_too_large', `a request may carry at most ${maxItems} items; got ${raw.length}: split the catalog into batches`);
    }
    const items = parseWith(z.object({ items: itemsSchema }), { items: raw }).items;
    const upserted = await options.catalog.upsertMany(items);
    if (options.onUpserted) await options.onUpserted(items);
    return { upserted };
  });
}
