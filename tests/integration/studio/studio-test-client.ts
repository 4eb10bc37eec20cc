import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { createAppServices, type AppServices } from '../../../bots/shopping-assistant/app-services.ts';
import { parseConfig, type Env } from '../../../bots/shopping-assistant/config.ts';
import { createServer } from '../../../bots/shopping-assistant/server.ts';
import { createBasicReplies } from '../../../dialogs/shopping-assistant/basic-replies.ts';

export const ADMIN_PASSWORD = 'admin-password-for-tests';
export const PASSWORD = 'a-long-password-123';

/** A server built like production (basic replies, no demo data), with its services for white-box checks. */
export async function startStudioServer(env: Env = {}): Promise<{ app: FastifyInstance; services: AppServices; close(): Promise<void> }> {
  const config = parseConfig({ LOG_LEVEL: 'silent', DEMO_DATA: 'off', STUDIO_ADMIN_PASSWORD: ADMIN_PASSWORD, ...env });
  const services = await createAppServices({ config, handler: createBasicReplies });
  const app = await createServer({ services });
  return {
    app,
    services,
    async close() {
      await app.close();
      await services.close();
    },
  };
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A browser-like client over `inject`: keeps cookies and echoes the CSRF cookie in the header, like the studio page. */
export class StudioClient {
  readonly cookies = new Map<string, string>();
  /** Send the CSRF header (turn off to test the protection). */
  csrf = true;

  constructor(readonly app: FastifyInstance, readonly ip = '127.0.0.1') {}

  async request(method: Method, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const all: Record<string, string> = { ...headers };
    if (this.cookies.size > 0) all.cookie = [...this.cookies].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; ');
    const token = this.cookies.get('sovetnik_studio_csrf');
    if (this.csrf && token && method !== 'GET') all['x-csrf-token'] = token;
    const response = await this.app.inject({ method, url, headers: all, remoteAddress: this.ip, ...(body === undefined ? {} : { payload: body as object }) });
    this.#remember(response);
    return response;
  }

  async login(username: string, password: string): Promise<LightMyRequestResponse> {
    return this.request('POST', '/api/v1/studio/login', { username, password });
  }

  #remember(response: LightMyRequestResponse): void {
    const raw = response.headers['set-cookie'];
    for (const line of Array.isArray(raw) ? raw : raw ? [raw] : []) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq);
      const value = decodeURIComponent(pair!.slice(eq + 1));
      if (value === '' || /Max-Age=0/.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

/** Signs a new client in as `username` (after an admin created the account). */
export async function signedIn(app: FastifyInstance, username: string, password = PASSWORD): Promise<StudioClient> {
  const client = new StudioClient(app, `10.0.0.${Math.floor(Math.random() * 250) + 1}`);
  const response = await client.login(username, password);
  if (response.statusCode !== 200) throw new Error(`login ${username}: ${response.statusCode} ${response.body}`);
  return client;
}

/** The admin creates one account per role and returns a signed-in client for each. */
export async function teamOf(app: FastifyInstance): Promise<Record<'admin' | 'viewer' | 'editor' | 'publisher', StudioClient>> {
  const admin = await signedIn(app, 'admin', ADMIN_PASSWORD);
  for (const role of ['viewer', 'editor', 'publisher'] as const) {
    const created = await admin.request('POST', '/api/v1/studio/users', { username: role === 'viewer' ? 'vera' : role === 'editor' ? 'eddie' : 'paula', password: PASSWORD, role });
    if (created.statusCode !== 201) throw new Error(`create ${role}: ${created.statusCode} ${created.body}`);
  }
  return { admin, viewer: await signedIn(app, 'vera'), editor: await signedIn(app, 'eddie'), publisher: await signedIn(app, 'paula') };
}
