import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { inject } from 'vitest';

/** A fresh connection to the test run's real Redis (see tests/setup/global-redis.ts). */
export function connectTestRedis(): Redis {
  const url = inject('redisUrl');
  if (!url) throw new Error('no Redis URL was provided by tests/setup/global-redis.ts');
  return new Redis(url, { maxRetriesPerRequest: 2 });
}

/** A key prefix unique to one test file run, so files can share one Redis in parallel. */
export function uniquePrefix(name: string): string {
  return `test:${name}:${randomUUID()}:`;
}
