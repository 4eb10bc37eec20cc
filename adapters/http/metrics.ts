import type { FastifyInstance, FastifyReply, onResponseHookHandler } from 'fastify';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import { CounterChild, HistogramChild } from './metric-children.ts';

/** The Prometheus metrics of one server instance (its own registry, so several instances can coexist). */
export interface AppMetrics {
  registry: Registry;
  /** Turns handled, by channel and outcome (`ok`, `failed`, `rejected`). */
  turns: Counter<'channel' | 'outcome'>;
  /** Turn latency in seconds, by channel. */
  turnSeconds: Histogram<'channel'>;
  /** Errors by code, from turns and HTTP requests alike. */
  errors: Counter<'code'>;
  /** HTTP requests by method, route pattern and status. */
  httpRequests: Counter<'method' | 'route' | 'status'>;
  /** HTTP latency in seconds, by method and route pattern. */
  httpSeconds: Histogram<'method' | 'route'>;
}

/** Options for {@link createMetrics}. */
export interface MetricsOptions {
  /** Also collect Node's process metrics (CPU, memory, event loop lag). Default true. */
  processMetrics?: boolean;
  prefix?: string;
}

/** Creates the metrics on a fresh registry. */
export function createMetrics(options: MetricsOptions = {}): AppMetrics {
  const registry = new Registry();
  const prefix = options.prefix ?? 'sovetnik_';
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry, prefix });
  const registers = [registry];
  const buckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
  return {
    registry,
    turns: new Counter({ name: `${prefix}turns_total`, help: 'Turns handled', labelNames: ['channel', 'outcome'], registers }),
    turnSeconds: new Histogram({ name: `${prefix}turn_duration_seconds`, help: 'Turn latency', labelNames: ['channel'], buckets, registers }),
    errors: new Counter({ name: `${prefix}errors_total`, help: 'Errors by code', labelNames: ['code'], registers }),
    httpRequests: new Counter({
      name: `${prefix}http_requests_total`, help: 'HTTP requests', labelNames: ['method', 'route', 'status'], registers,
    }),
    httpSeconds: new Histogram({
      name: `${prefix}http_request_duration_seconds`, help: 'HTTP latency', labelNames: ['method', 'route'], buckets, registers,
    }),
  };
}

/**
 * Records every HTTP response (by route pattern, never the raw URL, to keep label cardinality bounded). Each
 * route gets its own hook that knows its pattern (reading it per request would rebuild the route's options every
 * time), and each route, method and status keeps a child that updates its record in place (prom-client's own
 * children hash and validate their labels on every call). Call before registering routes.
 */
export function registerHttpMetrics(app: FastifyInstance, metrics: AppMetrics): void {
  const counters = new Map<string, CounterChild>();
  const timers = new Map<string, HistogramChild>();
  const record = (method: string, route: string, reply: FastifyReply): void => {
    const status = reply.statusCode;
    const timerKey = `${method} ${route}`;
    const counterKey = `${timerKey} ${status}`;
    let counter = counters.get(counterKey);
    if (!counter) counters.set(counterKey, (counter = new CounterChild(metrics.httpRequests, { method, route, status })));
    counter.inc();
    let timer = timers.get(timerKey);
    if (!timer) timers.set(timerKey, (timer = new HistogramChild(metrics.httpSeconds, { method, route })));
    timer.observe(reply.elapsedTime / 1000);
  };
  app.addHook('onRoute', (routeOptions) => {
    const route = routeOptions.url;
    const hook: onResponseHookHandler = (request, reply, done) => {
      record(request.method, route, reply);
      done();
    };
    const existing = routeOptions.onResponse;
    routeOptions.onResponse = existing === undefined ? [hook] : [...(Array.isArray(existing) ? existing : [existing]), hook];
  });
  // Requests no route matched (404s) run only the global hooks.
  app.addHook('onResponse', (request, reply, done) => {
    if (request.is404) record(request.method, 'unmatched', reply);
    done();
  });
}

/** Serves the registry at `GET /metrics` in the Prometheus text format. */
export function registerMetricsRoute(app: FastifyInstance, metrics: AppMetrics): void {
  app.get('/metrics', async (_request, reply) => {
    const body = await metrics.registry.metrics();
    return reply.type(metrics.registry.contentType).send(body);
  });
}
