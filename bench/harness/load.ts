import autocannon from 'autocannon';

/** Options for {@link runLoad}. */
export interface LoadOptions {
  url: string;
  connections: number;
  /** How long to run; or give `amount`. */
  durationSeconds?: number;
  /** How many requests to send in all, instead of a duration. */
  amount?: number;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** Customizes each connection (its own headers or body), e.g. one shopper per connection. */
  setupClient?: (client: { setHeaders(headers: Record<string, string>): void; setBody(body: string): void }) => void;
  /** Customizes each request (headers, body), e.g. a different shopper every time. */
  setupRequest?: (request: LoadRequest) => LoadRequest;
}

/** One request as autocannon builds it. */
export interface LoadRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
}

/** What one load run measured. */
export interface LoadFigures {
  requestsPerSecond: number;
  requests: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}

/** Runs autocannon once and keeps the figures that matter. */
export async function runLoad(options: LoadOptions): Promise<LoadFigures> {
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    ...(options.amount ? { amount: options.amount } : { duration: options.durationSeconds ?? 10 }),
    method: options.method ?? 'GET',
    headers: options.headers,
    body: options.body,
    ...(options.setupClient ? { setupClient: options.setupClient as never } : {}),
    ...(options.setupRequest ? { requests: [{ setupRequest: options.setupRequest as never }] } : {}),
  });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    requests: result.requests.total,
    latencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
      mean: Math.round(result.latency.mean * 100) / 100,
    },
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}
