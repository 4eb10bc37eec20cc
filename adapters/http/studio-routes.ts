import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { UnauthorizedError } from '../../core/errors.ts';
import { permissionsOf, type StudioPrincipal } from '../../core/studio/roles.ts';
import type { StudioAccounts } from '../../core/studio/studio-accounts.ts';
import type { StudioUser } from '../../core/studio/studio-user-store.ts';
import type { TemplateStudio } from '../../core/studio/template-studio.ts';
import { registerStudioAdminRoutes } from './studio-routes-admin.ts';
import { createStudioSessions, type StudioSession, type StudioSessionsOptions } from './studio-routes-session.ts';
import { registerStudioStaticRoutes } from './studio-routes-static.ts';
import { registerStudioTemplateRoutes } from './studio-routes-templates.ts';
import { parseWith } from './validation.ts';

/** Options for {@link registerStudioRoutes}. */
export interface StudioRoutesOptions {
  studio: TemplateStudio;
  accounts: StudioAccounts;
  session: StudioSessionsOptions;
  /** The studio's static files (`studio/public`). */
  publicDir: string;
}

/** The signed-in user of a studio API request, set by the guard. */
export type StudioRequestPrincipal = (request: FastifyRequest) => StudioPrincipal;

const loginSchema = z.strictObject({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(200),
});

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function meBody(user: StudioUser, session: StudioSession, llm: boolean) {
  return {
    user: { username: user.username, role: user.role },
    permissions: permissionsOf(user.role),
    csrfToken: session.csrf,
    expiresAt: new Date(session.expiresAt * 1000).toISOString(),
    llmConfigured: llm,
  };
}

/**
 * The prompt studio: the UI at `/studio` and its API at `/api/v1/studio/*`. Every API route but login needs a
 * session cookie (401 otherwise); every state-changing one also the CSRF header (403); roles are checked by the
 * core services, which audit every change.
 */
export function registerStudioRoutes(app: FastifyInstance, options: StudioRoutesOptions): void {
  const sessions = createStudioSessions(options.session);
  registerStudioStaticRoutes(app, { publicDir: options.publicDir });

  app.post('/api/v1/studio/login', async (request, reply) => {
    const body = parseWith(loginSchema, request.body);
    const user = await options.accounts.login(body.username, body.password, request.ip);
    const session = await sessions.issue(reply, request, { username: user.username, epoch: user.sessionEpoch });
    return reply.send(meBody(user, session, options.studio.llmConfigured));
  });

  void app.register(async (scope) => {
    const principals = new WeakMap<FastifyRequest, { user: StudioUser; session: StudioSession }>();
    scope.addHook('preHandler', async (request, reply) => {
      if (!request.url.startsWith('/api/v1/studio/')) return;
      const session = await sessions.read(request);
      const user = await options.accounts.resolveSession(session.username, session.epoch);
      if (!SAFE_METHODS.has(request.method)) sessions.checkCsrf(request, session);
      // Sliding expiry: an active editor is not signed out mid-edit; an idle one is after ttlSeconds.
      const now = Math.floor(Date.now() / 1000);
      const renewed = now - session.issuedAt > sessions.ttlSeconds / 3
        ? await sessions.issue(reply, request, { username: user.username, epoch: user.sessionEpoch, csrf: session.csrf })
        : session;
      principals.set(request, { user, session: renewed });
    });
    const current = (request: FastifyRequest) => {
      const found = principals.get(request);
      if (!found) throw new UnauthorizedError('sign in to the studio first');
      return found;
    };
    const principal: StudioRequestPrincipal = (request) => {
      const { user } = current(request);
      return { username: user.username, role: user.role };
    };

    scope.get('/api/v1/studio/me', async (request) => {
      const { user, session } = current(request);
      return meBody(user, session, options.studio.llmConfigured);
    });
    scope.post('/api/v1/studio/logout', async (request, reply) => {
      await options.accounts.logout(principal(request));
      sessions.clear(reply, request);
      return reply.code(204).send();
    });
    registerStudioTemplateRoutes(scope, { studio: options.studio, principal });
    registerStudioAdminRoutes(scope, { accounts: options.accounts, principal });
  });
}
