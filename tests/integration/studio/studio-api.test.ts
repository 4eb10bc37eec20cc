import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppServices } from '../../../bots/shopping-assistant/app-services.ts';
import type { AuditEntry } from '../../../core/studio/audit-log.ts';
import { ADMIN_PASSWORD, PASSWORD, signedIn, startStudioServer, StudioClient, teamOf } from './studio-test-client.ts';

const EN = '/api/v1/studio/templates/shopping-assistant/recommend/en';
const RU = '/api/v1/studio/templates/shopping-assistant/recommend/ru';
const GOOD = { system: 'You are Sovetnik. Be brief.', user: 'Shopper: {{request}}\nLimits: {{constraints}}\nProducts:\n{{items}}' };
const errorBody = { error: { code: expect.any(String), message: expect.any(String) } };

describe('studio API', () => {
  let app: FastifyInstance;
  let services: AppServices;
  let close: () => Promise<void>;
  let team: Awaited<ReturnType<typeof teamOf>>;
  const audit = async (): Promise<AuditEntry[]> => (await team.admin.request('GET', '/api/v1/studio/audit?limit=500')).json().entries;

  beforeAll(async () => {
    ({ app, services, close } = await startStudioServer());
    team = await teamOf(app);
  });
  afterAll(async () => close?.());

  it('answers 401 without a session, for reads and writes alike', async () => {
    const anonymous = new StudioClient(app);
    for (const [method, url] of [['GET', '/api/v1/studio/templates'], ['GET', EN], ['PUT', `${EN}/draft`], ['POST', `${EN}/publish`], ['GET', '/api/v1/studio/audit'], ['GET', '/api/v1/studio/me']] as const) {
      const response = await anonymous.request(method, url, method === 'GET' ? undefined : { ...GOOD, expectedRevision: 0 });
      expect(response.statusCode, `${method} ${url}`).toBe(401);
      expect(response.json()).toEqual(errorBody);
    }
    const forged = await anonymous.request('GET', '/api/v1/studio/templates', undefined, { cookie: 'sovetnik_studio=eyJhbGciOiJIUzI1NiJ9.e30.x' });
    expect(forged.statusCode).toBe(401);
  });

  it('signs in with an HttpOnly, SameSite=Strict session cookie and a readable CSRF cookie; wrong passwords are 401 and audited', async () => {
    const client = new StudioClient(app, '10.9.9.9');
    const wrong = await client.login('admin', 'not the password');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.message).toBe('wrong username or password');
    expect((await client.login('nobody', 'whatever-123')).json().error.message).toBe('wrong username or password');
    const ok = await client.login('Admin', ADMIN_PASSWORD);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ user: { username: 'admin', role: 'admin' }, csrfToken: client.cookies.get('sovetnik_studio_csrf') });
    expect(ok.json().permissions).toEqual(expect.arrayContaining(['publish', 'manage_users', 'read_audit']));
    const cookies = ok.headers['set-cookie'] as string[];
    expect(cookies.find((c) => c.startsWith('sovetnik_studio=')), 'session cookie').toMatch(/HttpOnly/);
    expect(cookies.find((c) => c.startsWith('sovetnik_studio=')), 'session cookie').toMatch(/SameSite=Strict/);
    expect(cookies.find((c) => c.startsWith('sovetnik_studio=')), 'session cookie').toMatch(/Path=\/api\/v1\/studio/);
    expect(cookies.find((c) => c.startsWith('sovetnik_studio_csrf='))).toMatch(/SameSite=Strict/);
    expect(cookies.find((c) => c.startsWith('sovetnik_studio_csrf='))).not.toMatch(/HttpOnly/);
    const failures = (await audit()).filter((e) => e.action === 'login_failed' && e.details?.client === '10.9.9.9');
    expect(failures.map((e) => [e.actor, e.details?.reason])).toEqual([['nobody', 'unknown_user'], ['admin', 'wrong_password']]);
  });

  it('throttles repeated logins for one name from one client (429 with retry-after)', async () => {
    const client = new StudioClient(app, '10.7.7.7');
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await client.login('vera', `guess-${i}-xxxxxxxx`)).statusCode);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    const refused = await client.login('vera', PASSWORD);
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Another client is not affected.
    expect((await new StudioClient(app, '10.7.7.8').login('vera', PASSWORD)).statusCode).toBe(200);
  });

  it('lets a viewer read but not edit, preview or publish', async () => {
    const list = await team.viewer.request('GET', '/api/v1/studio/templates');
    expect(list.statusCode).toBe(200);
    expect(list.json().templates.map((t: { key: { locale: string } }) => t.key.locale)).toEqual(expect.arrayContaining(['en', 'ru']));
    expect((await team.viewer.request('GET', EN)).json().shipped.variables.request).toMatchObject({ type: 'string', required: true });
    const detail = (await team.viewer.request('GET', RU)).json();
    for (const [method, url, body] of [
      ['PUT', `${RU}/draft`, { ...GOOD, expectedRevision: detail.revision }],
      ['POST', `${RU}/preview`, {}],
      ['POST', `${RU}/publish`, { expectedRevision: detail.revision }],
      ['POST', `${RU}/rollback`, { version: 0, expectedRevision: detail.revision }],
      ['GET', '/api/v1/studio/users', undefined],
      ['GET', '/api/v1/studio/audit', undefined],
    ] as const) {
      const response = await team.viewer.request(method, url, body);
      expect(response.statusCode, `${method} ${url}`).toBe(403);
      expect(response.json()).toEqual(errorBody);
    }
  });

  it('refuses state changes without the CSRF header (403), even with a valid session', async () => {
    const { revision } = (await team.editor.request('GET', RU)).json();
    team.editor.csrf = false;
    try {
      const missing = await team.editor.request('PUT', `${RU}/draft`, { ...GOOD, expectedRevision: revision });
      expect(missing.statusCode).toBe(403);
      expect(missing.json().error.message).toMatch(/CSRF/);
      const wrong = await team.editor.request('PUT', `${RU}/draft`, { ...GOOD, expectedRevision: revision }, { 'x-csrf-token': 'forged' });
      expect(wrong.statusCode).toBe(403);
    } finally {
      team.editor.csrf = true;
    }
    expect((await team.editor.request('GET', RU)).json().draft).toBeUndefined();
  });

  it('rejects a template with an undeclared variable (400 naming it) or without a required one', async () => {
    const { revision } = (await team.editor.request('GET', EN)).json();
    const bad = await team.editor.request('PUT', `${EN}/draft`, { ...GOOD, user: `${GOOD.user}\nBudget: {{budget}}`, expectedRevision: revision });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'validation_failed', message: expect.stringContaining('{{budget}}') });
    const missing = await team.editor.request('PUT', `${EN}/draft`, { system: 'Hi', user: 'No variables here', expectedRevision: revision });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.message).toMatch(/required variable \{\{request\}\}/);
    const live = await team.editor.request('POST', `${EN}/validate`, { system: 'x {{ oops', user: '{{shopper}}' });
    expect(live.json()).toMatchObject({ valid: false });
    expect(live.json().issues.map((i: { code: string; variable?: string }) => `${i.code}:${i.variable ?? ''}`)).toEqual(
      expect.arrayContaining(['undeclared_variable:shopper', 'malformed_placeholder:', 'missing_required_variable:request', 'missing_required_variable:items']),
    );
    expect((await team.editor.request('GET', EN)).json().revision).toBe(revision);
  });

  it('saves drafts with optimistic concurrency: a stale revision is 409', async () => {
    const { revision } = (await team.editor.request('GET', EN)).json();
    const saved = await team.editor.request('PUT', `${EN}/draft`, { ...GOOD, expectedRevision: revision });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ revision: revision + 1, draft: { ...GOOD, savedBy: 'eddie' }, working: GOOD });
    const stale = await team.publisher.request('PUT', `${EN}/draft`, { ...GOOD, system: 'Mine', expectedRevision: revision });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('concurrency_conflict');
    expect((await team.editor.request('GET', EN)).json().draft.system).toBe(GOOD.system);
  });

  it('lets an editor preview but not publish (403); a publisher publishes and the bot gets that version', async () => {
    const detail = (await team.editor.request('GET', EN)).json();
    const preview = await team.editor.request('POST', `${EN}/preview`, { ...detail.working, variables: { request: 'vegan snacks', items: ['Hummus — Samokat, 199 RUB'] } });
    expect(preview.statusCode).toBe(200);
    expect(preview.json().messages[1].content).toBe('Shopper: vegan snacks\nLimits: \nProducts:\n- Hummus — Samokat, 199 RUB');
    expect(preview.json().answer).toMatchObject({ source: 'fallback', text: preview.json().fallback });
    expect((await team.editor.request('POST', `${EN}/preview`, { variables: { nope: 'x' } })).statusCode).toBe(400);
    expect((await team.editor.request('POST', `${EN}/preview`, { variables: { items: ['x'] } })).json().error.message).toMatch(/request/);

    const denied = await team.editor.request('POST', `${EN}/publish`, { expectedRevision: detail.revision });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error.message).toMatch(/editor.*publish/);
    expect((await services.studio.templates.getPublished('shopping-assistant', 'recommend', 'en'))?.system).not.toBe(GOOD.system);

    const published = await team.publisher.request('POST', `${EN}/publish`, { expectedRevision: detail.revision });
    expect(published.statusCode).toBe(201);
    expect(published.json()).toMatchObject({ version: 1, publishedBy: 'paula', template: { ...GOOD } });
    expect(await services.studio.templates.getPublished('shopping-assistant', 'recommend', 'en')).toMatchObject(GOOD);
    const after = (await team.viewer.request('GET', EN)).json();
    expect(after).toMatchObject({ live: GOOD, published: { version: 1 }, versions: [{ version: 1, publishedBy: 'paula' }] });
    expect(after.draft).toBeUndefined();
    expect((await team.viewer.request('GET', '/api/v1/studio/templates')).json().templates).toEqual(
      expect.arrayContaining([expect.objectContaining({ key: { bot: 'shopping-assistant', use: 'recommend', locale: 'en' }, status: 'published', publishedVersion: 1 })]),
    );
  });

  it('diffs versions word by word and rolls back to the shipped file', async () => {
    const diff = (await team.viewer.request('GET', `${EN}/diff?from=0&to=1`)).json();
    expect(diff.changed).toBe(true);
    const side = (op: string) => diff.system.filter((p: { op: string }) => p.op !== op).map((p: { text: string }) => p.text).join('');
    expect(side('delete')).toBe(GOOD.system);
    expect(side('insert')).toMatch(/^You are Sovetnik, a shopping assistant/);
    expect(diff.system.filter((p: { op: string }) => p.op === 'insert').map((p: { text: string }) => p.text)).toContain('brief.');
    expect((await team.viewer.request('GET', `${EN}/diff?from=1&to=live`)).json().changed).toBe(false);
    expect((await team.viewer.request('GET', `${EN}/diff?from=draft&to=live`)).statusCode).toBe(404);
    expect((await team.viewer.request('GET', `${EN}/diff?from=x&to=1`)).statusCode).toBe(400);

    const { revision } = (await team.publisher.request('GET', EN)).json();
    expect((await team.editor.request('POST', `${EN}/rollback`, { version: 0, expectedRevision: revision })).statusCode).toBe(403);
    expect((await team.publisher.request('POST', `${EN}/rollback`, { version: 7, expectedRevision: revision })).statusCode).toBe(404);
    const rolled = await team.publisher.request('POST', `${EN}/rollback`, { version: 0, expectedRevision: revision });
    expect(rolled.statusCode).toBe(201);
    expect(rolled.json()).toMatchObject({ version: 2, source: 'rollback', restoredFrom: 0 });
    const shipped = (await team.viewer.request('GET', EN)).json().shipped;
    expect(await services.studio.templates.getPublished('shopping-assistant', 'recommend', 'en')).toEqual(shipped);
    expect((await team.viewer.request('GET', `${EN}/versions/1`)).json().template.system).toBe(GOOD.system);
  });

  it('records every change in the audit log with who, when and the content hashes before and after', async () => {
    const entries = await audit();
    const templateEntries = entries.filter((e) => e.target === 'template:shopping-assistant/recommend/en').reverse();
    expect(templateEntries.map((e) => `${e.action}:${e.actor}`)).toEqual(['draft_saved:eddie', 'published:paula', 'rolled_back:paula']);
    const [saved, published, rolledBack] = templateEntries as [AuditEntry, AuditEntry, AuditEntry];
    expect(saved.afterHash).toBe(published.afterHash);
    expect(published.beforeHash).toBe(rolledBack.afterHash);
    expect(published.afterHash).toBe(rolledBack.beforeHash);
    expect(published.details).toEqual({ version: 1 });
    expect(entries.every((e) => !Number.isNaN(Date.parse(e.at)))).toBe(true);
    expect(entries.filter((e) => e.action === 'user_created').map((e) => e.target).sort()).toEqual(['user:admin', 'user:eddie', 'user:paula', 'user:vera']);
    expect(JSON.stringify(entries)).not.toContain(PASSWORD);
    // The log is append-only through the API too.
    expect((await team.admin.request('DELETE', '/api/v1/studio/audit')).statusCode).toBe(404);
  });

  it('lets admins change roles (audited, effective at once) and disable accounts (their sessions end)', async () => {
    const temp = await team.admin.request('POST', '/api/v1/studio/users', { username: 'temp', password: PASSWORD, role: 'viewer' });
    expect(temp.json()).toMatchObject({ username: 'temp', role: 'viewer', disabled: false });
    expect(temp.json()).not.toHaveProperty('passwordHash');
    expect((await team.admin.request('POST', '/api/v1/studio/users', { username: 'temp', password: PASSWORD, role: 'viewer' })).statusCode).toBe(409);
    expect((await team.admin.request('POST', '/api/v1/studio/users', { username: 'short', password: 'short', role: 'viewer' })).statusCode).toBe(400);
    expect((await team.admin.request('POST', '/api/v1/studio/users', { username: 'x', password: PASSWORD, role: 'owner' })).statusCode).toBe(400);
    const client = await signedIn(app, 'temp');
    const { revision } = (await client.request('GET', RU)).json();
    expect((await client.request('PUT', `${RU}/draft`, { ...GOOD, expectedRevision: revision })).statusCode).toBe(403);
    const promoted = await team.admin.request('PATCH', '/api/v1/studio/users/temp', { role: 'editor' });
    expect(promoted.json().role).toBe('editor');
    expect((await client.request('PUT', `${RU}/draft`, { ...GOOD, expectedRevision: revision })).statusCode).toBe(200);
    await team.admin.request('PATCH', '/api/v1/studio/users/temp', { disabled: true });
    expect((await client.request('GET', RU)).statusCode).toBe(401);
    expect((await client.login('temp', PASSWORD)).statusCode).toBe(401);
    expect((await team.admin.request('PATCH', '/api/v1/studio/users/admin', { role: 'viewer' })).statusCode).toBe(400);
    expect((await team.admin.request('PATCH', '/api/v1/studio/users/ghost', { role: 'viewer' })).statusCode).toBe(404);
    expect((await team.editor.request('PATCH', '/api/v1/studio/users/temp', { disabled: false })).statusCode).toBe(403);
    const updates = (await audit()).filter((e) => e.action === 'user_updated' && e.target === 'user:temp').map((e) => e.details);
    expect(updates).toEqual([{ disabled: { from: false, to: true } }, { role: { from: 'viewer', to: 'editor' } }]);
  });

  it('ends the session on logout: the old cookie is refused afterwards', async () => {
    const client = await signedIn(app, 'vera');
    const cookies = new Map(client.cookies);
    expect((await client.request('POST', '/api/v1/studio/logout')).statusCode).toBe(204);
    expect(client.cookies.size).toBe(0);
    const replay = new StudioClient(app);
    for (const [k, v] of cookies) replay.cookies.set(k, v);
    expect((await replay.request('GET', '/api/v1/studio/me')).statusCode).toBe(401);
    expect((await audit()).some((e) => e.action === 'logout' && e.actor === 'vera')).toBe(true);
  });

  it('answers bad input with 4xx, never 500', async () => {
    const cases: [string, string, unknown][] = [
      ['GET', '/api/v1/studio/templates/shopping-assistant/recommend/de', undefined],
      ['GET', '/api/v1/studio/templates/shopping-assistant/nothing/en', undefined],
      ['GET', '/api/v1/studio/templates/BAD%20BOT/x/en', undefined],
      ['GET', `${EN}/versions/abc`, undefined],
      ['GET', `${EN}/versions/99`, undefined],
      ['PUT', `${EN}/draft`, { system: 1, user: [], expectedRevision: 'x' }],
      ['PUT', `${EN}/draft`, { ...GOOD, expectedRevision: 0, extra: true }],
      ['PUT', `${EN}/draft`, { system: 'x'.repeat(20_001), user: 'y', expectedRevision: 0 }],
      ['POST', `${EN}/preview`, { system: 'only one side' }],
      ['POST', `${EN}/publish`, {}],
      ['POST', `${EN}/publish`, { expectedRevision: 3 }],
      ['POST', `${EN}/rollback`, { version: -1, expectedRevision: 0 }],
      ['POST', '/api/v1/studio/login', { username: 'a' }],
      ['GET', '/api/v1/studio/audit?limit=0', undefined],
      ['GET', '/api/v1/studio/audit?before=zz', undefined],
    ];
    for (const [method, url, body] of cases) {
      const response = await team.admin.request(method as 'GET', url, body);
      expect(response.statusCode, `${method} ${url} -> ${response.body}`).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, `${method} ${url} -> ${response.body}`).toBeLessThan(500);
      expect(response.json()).toEqual(errorBody);
    }
    const malformed = await team.admin.request('PUT', `${EN}/draft`, '{"system":', { 'content-type': 'application/json' });
    expect(malformed.statusCode).toBe(400);
  });

  it('serves the studio page with a strict content security policy', async () => {
    const page = await app.inject({ method: 'GET', url: '/studio' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect((await app.inject({ method: 'GET', url: '/studio/assets/nope.js' })).statusCode).toBe(404);
  });
});

describe('studio preview with a configured LLM', () => {
  it('shows the model answer through the resilient model, and the template fallback when the model fails', async () => {
    const { startFakeOpenAiServer } = await import('../../support/fake-openai-server.ts');
    const llm = await startFakeOpenAiServer();
    const { app, close } = await startStudioServer({ LLM_BASE_URL: llm.url, LLM_MODEL: 'qwen-test', LLM_TIMEOUT_MS: '2000' });
    try {
      const editor = await teamOf(app).then((t) => t.editor);
      llm.behaviour = { chunks: ['Great ', 'picks ', 'for breakfast.'] };
      const ok = await editor.request('POST', `${RU}/preview`, {});
      expect(ok.statusCode).toBe(200);
      expect(ok.json().answer).toMatchObject({ source: 'llm', text: 'Great picks for breakfast.', model: 'qwen-test' });
      const sent = llm.requests.at(-1)?.body.messages as { role: string; content: string }[];
      expect(sent.map((m) => m.role)).toEqual(['system', 'user']);
      expect(sent[1]?.content).toContain('без лактозы');
      llm.behaviour = { status: 500 };
      const failed = (await editor.request('POST', `${RU}/preview`, {})).json();
      expect(failed.answer).toMatchObject({ source: 'fallback', error: 'llm_failed', text: failed.fallback });
      expect(failed.fallback).toMatch(/^Вот что я подобрал:/);
      expect((await editor.request('GET', '/api/v1/studio/me')).json().llmConfigured).toBe(true);
    } finally {
      await close();
      await llm.close();
    }
  });
});
