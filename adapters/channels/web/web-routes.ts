import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Locale } from '../../../core/activity.ts';
import { NotFoundError } from '../../../core/errors.ts';
import type { ShopperTokens } from '../../http/shopper-tokens.ts';
import type { TurnRunner } from '../../http/turn-runner.ts';
import { parseWith } from '../../http/validation.ts';
import { registerMessageRoute } from '../inapp/inapp-routes.ts';
import { loadStaticAssets, type StaticAsset } from './static-assets.ts';

/** Options for {@link registerWebRoutes}. */
export interface WebRoutesOptions {
  turns: TurnRunner;
  tokens: ShopperTokens;
  /** The widget's UI strings per locale (the `web` namespace of `locales/`). */
  uiStrings: Record<Locale, unknown>;
  /** How long an anonymous web session token lives (default one day). */
  sessionTtlSeconds?: number;
  /** Where the widget's files are (default: `public/` next to this file). */
  publicDir?: string;
}

/** Only the widget's own files, its API and nothing else may load in the page. */
const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'self'; img-src 'self' data: https:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

const sessionBodySchema = z.strictObject({}, { error: 'must be an empty JSON object' }).optional();
const localeParams = z.strictObject({ locale: z.enum(['ru', 'en'], { error: "locale must be 'ru' or 'en'" }) });

function serve(asset: StaticAsset, request: FastifyRequest, reply: FastifyReply, cache: string) {
  void reply.headers({ ...SECURITY_HEADERS, etag: asset.etag, 'cache-control': cache });
  if (request.headers['if-none-match'] === asset.etag) return reply.code(304).send();
  return reply.type(asset.contentType).send(asset.body);
}

/**
 * The web channel: the chat widget at `GET /` (static files from `public/`, UI strings from `locales/`),
 * `POST /api/v1/web/session` for an anonymous shopper token, and `POST /api/v1/web/messages`, which works
 * exactly like the in-app endpoint but only with web tokens.
 */
export function registerWebRoutes(app: FastifyInstance, options: WebRoutesOptions): void {
  const assets = loadStaticAssets(options.publicDir ?? join(import.meta.dirname, 'public'));
  const ttlSeconds = options.sessionTtlSeconds ?? 86_400;

  app.get('/', (request, reply) => {
    const page = assets.get('index.html');
    if (!page) throw new NotFoundError('file', 'index.html');
    return serve(page, request, reply, 'no-cache');
  });
  app.get('/favicon.ico', (request, reply) => {
    const icon = assets.get('icon.svg');
    if (!icon) throw new NotFoundError('file', 'favicon.ico');
    return serve(icon, request, reply, 'max-age=86400');
  });
  app.get('/widget/:file', (request, reply) => {
    const { file } = request.params as { file: string };
    const asset = file === 'index.html' ? undefined : assets.get(file);
    if (!asset) throw new NotFoundError('file', file.slice(0, 100));
    return serve(asset, request, reply, 'no-cache');
  });
  app.get('/widget/i18n/:locale', (request, reply) => {
    const raw = (request.params as { locale: string }).locale.replace(/\.json$/, '');
    const { locale } = parseWith(localeParams, { locale: raw });
    void reply.header('cache-control', 'no-cache');
    return reply.send(options.uiStrings[locale] ?? {});
  });
  app.post('/api/v1/web/session', async (request, reply) => {
    parseWith(sessionBodySchema, request.body);
    const shopperId = `web-${randomUUID()}`;
    const { token, expiresAt } = await options.tokens.sign({ shopperId, channel: 'web', ttlSeconds });
    return reply.code(201).send({ token, shopperId, expiresAt: expiresAt.toISOString() });
  });
  registerMessageRoute(app, '/api/v1/web/messages', {
    turns: options.turns,
    tokens: options.tokens,
    channels: ['web'],
    acceptLanguage: false,
    // The widget's UI follows a language switch made by text ("switch to English").
    reportLocale: true,
  });
}
