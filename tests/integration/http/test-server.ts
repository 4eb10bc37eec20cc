import type { FastifyInstance } from 'fastify';
import { SignJWT } from 'jose';
import { expect } from 'vitest';
import type { TurnHandler } from '../../../core/bot.ts';
import type { Translator } from '../../../core/i18n.ts';
import type { AppStores } from '../../../bots/shopping-assistant/app-services.ts';
import { createBasicReplies } from '../../../dialogs/shopping-assistant/basic-replies.ts';
import { parseConfig, type Env } from '../../../bots/shopping-assistant/config.ts';
import { createServer } from '../../../bots/shopping-assistant/server.ts';

/** The JWT secret every test server uses. */
export const TEST_SECRET = 'test-secret-test-secret-test-secret-0123';

/** Options for {@link startTestServer}. */
export interface TestServerOptions {
  env?: Env;
  handler?: (deps: { translator: Translator; stores: AppStores }) => TurnHandler;
}

/** A server built exactly like production, with a known secret and no logs. */
export async function startTestServer(options: TestServerOptions = {}): Promise<FastifyInstance> {
  const config = parseConfig({ LOG_LEVEL: 'silent', INAPP_JWT_SECRET: TEST_SECRET, ...options.env });
  // These tests are about HTTP behaviour, so they keep the small basic handler unless they bring their own.
  return createServer({ config, handler: options.handler ?? createBasicReplies });
}

/** Signs a shopper JWT like a service backend would; claims and key are overridable to forge bad ones. */
export async function shopperToken(
  sub: string | undefined,
  options: { secret?: string; expiresIn?: string | number; claims?: Record<string, unknown> } = {},
): Promise<string> {
  const jwt = new SignJWT(options.claims ?? {}).setProtectedHeader({ alg: 'HS256' }).setIssuedAt();
  if (sub !== undefined) jwt.setSubject(sub);
  jwt.setExpirationTime(options.expiresIn ?? '1h');
  return jwt.sign(new TextEncoder().encode(options.secret ?? TEST_SECRET));
}

/** A parsed server-sent event. */
export interface SseEvent {
  event: string;
  data: unknown;
}

/** Splits an SSE body into events, checking each block is well formed. */
export function parseSse(body: string): SseEvent[] {
  return body
    .split('\n\n')
    .filter((block) => block.trim() !== '')
    .map((block) => {
      const lines = block.split('\n');
      const event = lines.find((line) => line.startsWith('event: '))?.slice(7);
      const data = lines.find((line) => line.startsWith('data: '))?.slice(6);
      if (event === undefined || data === undefined) throw new Error(`malformed SSE block: ${block}`);
      return { event, data: JSON.parse(data) as unknown };
    });
}

/** The error body shape of DESIGN.md. */
export const errorShape = { error: { code: expectString(), message: expectString() } };

function expectString(): string {
  return expect.any(String) as unknown as string;
}
