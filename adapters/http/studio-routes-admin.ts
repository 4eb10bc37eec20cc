import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { StudioPrincipal } from '../../core/studio/roles.ts';
import type { StudioAccounts } from '../../core/studio/studio-accounts.ts';
import { parseWith } from './validation.ts';

/** Options for {@link registerStudioAdminRoutes}. */
export interface StudioAdminRoutesOptions {
  accounts: StudioAccounts;
  principal: (request: FastifyRequest) => StudioPrincipal;
}

const role = z.enum(['viewer', 'editor', 'publisher', 'admin'], { error: 'role: viewer, editor, publisher or admin' });
const createSchema = z.strictObject({ username: z.string().max(64), password: z.string().max(200), role });
const updateSchema = z
  .strictObject({ role: role.optional(), password: z.string().max(200).optional(), disabled: z.boolean().optional() })
  .refine((b) => Object.keys(b).length > 0, { message: 'change at least one of role, password, disabled' });
const userParams = z.strictObject({ username: z.string().max(64) });
const auditQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).optional(),
  before: z.string().regex(/^[0-9a-f]{1,24}$/, 'before: an audit entry id').optional(),
  target: z.string().max(200).optional(),
});

/** Admin only: studio users and the audit log. */
export function registerStudioAdminRoutes(app: FastifyInstance, options: StudioAdminRoutesOptions): void {
  const { accounts, principal } = options;
  app.get('/api/v1/studio/users', async (request) => ({ users: await accounts.listUsers(principal(request)) }));
  app.post('/api/v1/studio/users', async (request, reply) => {
    const actor = principal(request);
    const body = parseWith(createSchema, request.body);
    return reply.code(201).send(await accounts.createUser(actor, body));
  });
  app.patch('/api/v1/studio/users/:username', async (request) => {
    const actor = principal(request);
    const { username } = parseWith(userParams, request.params);
    return accounts.updateUser(actor, username, parseWith(updateSchema, request.body));
  });
  app.get('/api/v1/studio/audit', async (request) => ({ entries: await accounts.readAudit(principal(request), parseWith(auditQuery, request.query)) }));
}
