import { fastify, LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { registerInappRoutes } from '../../adapters/channels/inapp/inapp-routes.ts';
import { registerLinkCodeRoutes } from '../../adapters/channels/inapp/link-code-routes.ts';
import { registerWebRoutes } from '../../adapters/channels/web/web-routes.ts';
import { registerErrorHandling } from '../../adapters/http/error-handler.ts';
import { registerHealthRoute } from '../../adapters/http/health.ts';
import { registerHttpMetrics, registerMetricsRoute } from '../../adapters/http/metrics.ts';
import { createAppServices, widgetStrings, type AppServices, type AppServicesOptions } from './app-services.ts';
import { registerChannelRoutes } from './channel-services.ts';
import { registerContextRoutes } from './context-services.ts';
import { registerStudio } from './studio-services.ts';

/** The largest request body accepted (413 beyond). */
export const BODY_LIMIT_BYTES = 256 * 1024;

/** Options for {@link createServer}: the services, or what to build them from. */
export type ServerOptions = { services: AppServices } | AppServicesOptions;

/** The routes of the assistant, one line per area; each area registers its own paths. */
function registerRoutes(app: FastifyInstance, services: AppServices): void {
  const { config, metrics, tokens, turns } = services;
  registerHealthRoute(app, { checks: () => services.health });
  registerMetricsRoute(app, metrics);
  registerInappRoutes(app, { turns, tokens });
  registerLinkCodeRoutes(app, { tokens, issueLinkCode: (shopperId) => services.context.identity.issueLinkCode(shopperId) });
  registerWebRoutes(app, { turns, tokens, uiStrings: widgetStrings(services.resources), sessionTtlSeconds: config.sessionTtlSeconds });
  registerContextRoutes(app, { context: services.context, apiKey: config.auth.apiKey });
  registerStudio(app, { studio: services.studio, config });
  registerChannelRoutes(app, services);
}

/**
 * Builds the assistant's HTTP server, ready to `listen()` or `inject()`. Closing the app closes the
 * services it built (stores, connections).
 */
export async function createServer(options: ServerOptions): Promise<FastifyInstance> {
  const services = 'services' in options ? options.services : await createAppServices(options);
  const app: FastifyInstance = fastify({
    loggerInstance: services.logger as FastifyBaseLogger,
    // Per-request log lines cost throughput; turns are logged with their turn id, requests are in /metrics.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: BODY_LIMIT_BYTES,
    // Ids in paths (/api/v1/users/{userId}) may have 200 characters; the router's default cut is 100 (a bare 414).
    routerOptions: { maxParamLength: 500 },
    return503OnClosing: true,
    forceCloseConnections: true,
  });
  // Only JSON bodies are accepted anywhere: anything else is a 415, not a string handed to a route.
  app.removeContentTypeParser('text/plain');
  registerErrorHandling(app, { onError: (code) => services.metrics.errors.inc({ code }) });
  registerHttpMetrics(app, services.metrics);
  registerRoutes(app, services);
  if (!('services' in options)) app.addHook('onClose', () => services.close());
  await app.ready();
  return app;
}
