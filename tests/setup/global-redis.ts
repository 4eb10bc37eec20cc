import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function ping(url: string): Promise<boolean> {
  const { Redis } = await import('ioredis');
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => {});
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

async function waitForRedis(url: string, child: ChildProcess, gaveUp: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline && !gaveUp()) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with code ${child.exitCode}`);
    if (await ping(url)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('redis-server did not answer within 10 s');
}

function missingRedis(reason: string): Error {
  const where = process.env.CI === 'true' ? 'CI=true: the Redis tests must run, so the run fails. ' : '';
  return new Error(
    `${where}No Redis for the tests: ${reason}. Install it with 'apt-get install -y redis-server' ` +
      `(the setup then starts one on a free port) or set REDIS_URL to a running server.`,
  );
}

/**
 * Gives every test run its own Redis: REDIS_URL when set, else a fresh `redis-server` on a free port.
 * A missing Redis fails the run with a clear message; it never silently skips the Redis tests.
 */
export async function setup(project: TestProject): Promise<() => void> {
  const configured = process.env.REDIS_URL;
  if (configured) {
    if (!(await ping(configured))) throw missingRedis(`REDIS_URL=${configured} does not answer PING`);
    project.provide('redisUrl', configured);
    return () => {};
  }
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  const dir = mkdtempSync(join(tmpdir(), 'sovetnik-redis-'));
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], {
    stdio: 'ignore',
  });
  let failed = false;
  const spawnError = new Promise<never>((_, reject) =>
    child.once('error', (error) => {
      failed = true;
      reject(missingRedis(`cannot start redis-server (${error.message})`));
    }),
  );
  try {
    await Promise.race([waitForRedis(url, child, () => failed), spawnError]);
  } catch (error) {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    throw error instanceof Error && error.message.includes('No Redis for the tests') ? error : missingRedis(String(error));
  }
  project.provide('redisUrl', url);
  return () => {
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  };
}
