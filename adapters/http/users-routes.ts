import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ErasureService } from '../../core/context/erasure-service.ts';
import { identityMapper, type ShopperIdMapper } from '../../core/context/pseudonymizer.ts';
import { NotFoundError } from '../../core/errors.ts';
import type { ProfileStore } from '../../core/stores/profile-store.ts';
import { createApiKeyHook } from './api-key.ts';
import { parseWith } from './validation.ts';

/** Options for {@link registerUsersRoutes}. */
export interface UsersRoutesOptions {
  profiles: ProfileStore;
  erasure: ErasureService;
  apiKey: string;
  /** The same mapping the ingestion uses (pseudonymisation), so services keep using their own ids. */
  shopperIds?: ShopperIdMapper;
}

const paramsSchema = z.strictObject({ userId: z.string().min(1).max(200) });

/**
 * `GET /api/v1/users/{userId}/profile` -> the unified profile (404 when unknown);
 * `DELETE /api/v1/users/{userId}` -> erases the shopper from every store.
 */
export function registerUsersRoutes(app: FastifyInstance, options: UsersRoutesOptions): void {
  const onRequest = createApiKeyHook({ apiKey: options.apiKey });
  const shopperIds = options.shopperIds ?? identityMapper;

  app.get('/api/v1/users/:userId/profile', { onRequest }, async (request) => {
    const { userId } = parseWith(paramsSchema, request.params);
    const profile = await options.profiles.getProfile(shopperIds(userId));
    if (!profile) throw new NotFoundError('user', userId);
    return profile;
  });

  app.delete('/api/v1/users/:userId', { onRequest }, async (request) => {
    const { userId } = parseWith(paramsSchema, request.params);
    const report = await options.erasure.eraseShopper(shopperIds(userId));
    return { erased: true, found: report.found, removed: report.removed };
  });
}
