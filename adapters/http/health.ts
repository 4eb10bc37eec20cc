import type { FastifyInstance } from 'fastify';

/** One component the server depends on, with a cheap liveness probe. */
export interface HealthCheck {
  /** The component's name in `/healthz` (`sessions`, `profiles`, `llm`, ...). */
  name: string;
  /** Which implementation runs (`memory`, `redis`, `mongodb`, `template`, ...). */
  kind: string;
  /** Resolves when the component answers; rejects otherwise. */
  check(): Promise<void>;
}

/** A component's state in `/healthz`. */
export interface ComponentHealth {
  state: 'up' | 'down';
  kind: string;
  error?: string;
}

/** Options for {@link registerHealthRoute}. */
export interface HealthRouteOptions {
  /** The checks; read on every request, so components added later are reported too. */
  checks: () => readonly HealthCheck[];
  /** A probe slower than this counts as down (default 2000 ms). */
  timeoutMs?: number;
}

async function probe(check: HealthCheck, timeoutMs: number): Promise<ComponentHealth> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([check.check(), timeout]);
    return { state: 'up', kind: check.kind };
  } catch (error) {
    return { state: 'down', kind: check.kind, error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

/** `GET /healthz`: 200 with every component up, 503 when any is down; the body lists each component. */
export function registerHealthRoute(app: FastifyInstance, options: HealthRouteOptions): void {
  const timeoutMs = options.timeoutMs ?? 2000;
  app.get('/healthz', async (_request, reply) => {
    const checks = options.checks();
    const states = await Promise.all(checks.map((check) => probe(check, timeoutMs)));
    const components = Object.fromEntries(checks.map((check, i) => [check.name, states[i]]));
    const up = states.every((state) => state.state === 'up');
    return reply.code(up ? 200 : 503).send({ status: up ? 'ok' : 'degraded', components });
  });
}
