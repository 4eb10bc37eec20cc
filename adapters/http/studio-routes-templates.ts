import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { TemplateKey } from '../../core/stores/template-store.ts';
import { MAX_TEXT_LENGTH } from '../../core/studio/template-checks.ts';
import type { DiffRef, TemplateStudio } from '../../core/studio/template-studio.ts';
import type { StudioPrincipal } from '../../core/studio/roles.ts';
import { parseWith } from './validation.ts';

/** Options for {@link registerStudioTemplateRoutes}. */
export interface StudioTemplateRoutesOptions {
  studio: TemplateStudio;
  principal: (request: FastifyRequest) => StudioPrincipal;
}

const name = z.string().regex(/^[a-z0-9_-]{1,64}$/, 'must be 1-64 of a-z, 0-9, _ and -');
const keyParams = z.strictObject({ bot: name, use: name, locale: z.enum(['ru', 'en'], { error: "locale must be 'ru' or 'en'" }) });
const revision = z.number({ error: 'expectedRevision: the revision you loaded (a whole number)' }).int().min(0);
const text = z.string().max(MAX_TEXT_LENGTH, `at most ${MAX_TEXT_LENGTH} characters`);
const textsSchema = z.strictObject({ system: text, user: text });
const draftSchema = z.strictObject({ system: text, user: text, expectedRevision: revision });
const revisionSchema = z.strictObject({ expectedRevision: revision });
const rollbackSchema = z.strictObject({ version: z.number().int().min(0), expectedRevision: revision });
const variableValue = z.union([z.string().max(5_000), z.number(), z.array(z.string().max(1_000)).max(50)]);
const previewSchema = z.strictObject({
  system: text.optional(),
  user: text.optional(),
  variables: z.record(z.string().max(64), variableValue).optional(),
}).refine((b) => (b.system === undefined) === (b.user === undefined), { message: 'send both system and user, or neither' });
const ref = z.union([z.literal('draft'), z.literal('live'), z.coerce.number().int().min(0)]);
const diffQuery = z.strictObject({ from: ref, to: ref });
const versionParams = keyParams.extend({ version: z.coerce.number().int().min(0) });

const keyOf = (request: FastifyRequest): TemplateKey => parseWith(keyParams, request.params);

/** Templates: list, open, live validation, drafts, preview, publish, rollback, versions and diffs. */
export function registerStudioTemplateRoutes(app: FastifyInstance, options: StudioTemplateRoutesOptions): void {
  const { studio, principal } = options;
  const base = '/api/v1/studio/templates/:bot/:use/:locale';

  app.get('/api/v1/studio/templates', async (request) => ({ templates: await studio.list(principal(request)) }));
  app.get(base, async (request) => studio.get(principal(request), keyOf(request)));
  app.get(`${base}/versions/:version`, async (request) => {
    const { version, ...key } = parseWith(versionParams, request.params);
    return studio.version(principal(request), key, version);
  });
  app.get(`${base}/diff`, async (request) => {
    const { from, to } = parseWith(diffQuery, request.query);
    return studio.diff(principal(request), keyOf(request), from as DiffRef, to as DiffRef);
  });
  app.post(`${base}/validate`, async (request) => {
    const issues = await studio.check(principal(request), keyOf(request), parseWith(textsSchema, request.body));
    return { valid: issues.length === 0, issues };
  });
  app.put(`${base}/draft`, async (request) => {
    const { expectedRevision, ...texts } = parseWith(draftSchema, request.body);
    return studio.saveDraft(principal(request), keyOf(request), texts, expectedRevision);
  });
  app.post(`${base}/discard`, async (request) => {
    const { expectedRevision } = parseWith(revisionSchema, request.body);
    return studio.discardDraft(principal(request), keyOf(request), expectedRevision);
  });
  app.post(`${base}/preview`, async (request) => {
    const body = parseWith(previewSchema, request.body ?? {});
    const texts = body.system !== undefined && body.user !== undefined ? { system: body.system, user: body.user } : undefined;
    return studio.preview(principal(request), keyOf(request), { texts, variables: body.variables });
  });
  app.post(`${base}/publish`, async (request, reply) => {
    const { expectedRevision } = parseWith(revisionSchema, request.body);
    return reply.code(201).send(await studio.publish(principal(request), keyOf(request), expectedRevision));
  });
  app.post(`${base}/rollback`, async (request, reply) => {
    const { version, expectedRevision } = parseWith(rollbackSchema, request.body);
    return reply.code(201).send(await studio.rollback(principal(request), keyOf(request), version, expectedRevision));
  });
}
