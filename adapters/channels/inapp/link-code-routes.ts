import type { FastifyInstance } from 'fastify';
import { ForbiddenError } from '../../../core/errors.ts';
import { bearerToken } from '../../http/api-key.ts';
import type { ShopperTokens } from '../../http/shopper-tokens.ts';

/** A one-time code the app shows its signed-in shopper. */
export interface IssuedLinkCode {
  code: string;
  expiresAt: string;
}

/** Options for {@link registerLinkCodeRoutes}. */
export interface LinkCodeRoutesOptions {
  tokens: ShopperTokens;
  issueLinkCode(shopperId: string): Promise<IssuedLinkCode>;
}

/**
 * `POST /api/v1/inapp/link-codes` (shopper JWT): the app asks for a one-time code that links the shopper's
 * Telegram, Slack or Teams account when the shopper sends it to the bot there.
 */
export function registerLinkCodeRoutes(app: FastifyInstance, options: LinkCodeRoutesOptions): void {
  app.post('/api/v1/inapp/link-codes', async (request, reply) => {
    const claims = await options.tokens.verify(bearerToken(request.headers.authorization));
    // Only the app's signed-in shopper may link accounts: an anonymous web visitor has nothing to link to.
    if (claims.channel !== 'inapp') throw new ForbiddenError('only in-app shoppers can link other channels');
    const issued = await options.issueLinkCode(claims.shopperId);
    return reply.code(201).send({ code: issued.code, expiresAt: issued.expiresAt });
  });
}
